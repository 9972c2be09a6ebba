import type { IncidentStatus } from '../../shared/incidents.js';

/** What the button that moves an incident to a status says. */
export const STEP_LABEL: Record<IncidentStatus, string> = {
  reported: 'Reopen',
  verified: 'Verify',
  responding: 'Responding',
  resolved: 'Resolve',
  closed: 'Close',
  'false-report': 'False report',
};

const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['verified', 'responding', 'false-report'],
  verified: ['responding', 'resolved', 'false-report'],
  responding: ['resolved'],
  resolved: ['closed', 'responding'],
  closed: [],
  'false-report': [],
};

/**
 * The lifecycle steps offered from a status: reported → verified → responding → resolved →
 * closed, with "false report" as an end until a response starts. A resolved incident can flare up again.
 * @example nextStatuses('reported') // ['verified', 'responding', 'false-report']
 */
export function nextStatuses(status: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[status];
}
