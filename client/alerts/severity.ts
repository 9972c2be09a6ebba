import type { AlertKind } from '../../shared/alerts.js';
import type { Severity } from '../../shared/incidents.js';

/** Severity in words, as the JOC says it: 4 is critical. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  4: 'Critical',
  3: 'High',
  2: 'Medium',
  1: 'Low',
};

export const ALERT_KIND_LABEL: Record<AlertKind, string> = {
  sos: 'SOS',
  'unit-stale': 'Unit stale',
  'unit-lost': 'Unit lost',
  'incident-near-site': 'Incident near site',
  'incident-in-corridor': 'Incident in corridor',
  'patrol-entered-zone': 'Patrol entered zone',
  'patrol-left-zone': 'Patrol left zone',
  'patrol-in-corridor': 'Patrol in corridor',
  'incident-unverified': 'Incident not verified',
  'incident-unassigned': 'No patrol assigned',
  'checkpoint-missed': 'Checkpoint missed',
  'patrol-overdue': 'Patrol overdue',
};

/** The severity an alert carries, or 1 if the contract ever widens past what the client knows. */
export function severityOf(value: number): Severity {
  return value >= 4 ? 4 : value <= 1 ? 1 : value === 3 ? 3 : 2;
}
