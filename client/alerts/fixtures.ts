import type { Alert } from '../../shared/alerts.js';

/** An alert for tests: an unacknowledged SOS unless told otherwise. */
export function anAlert(id: string, patch: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'sos',
    severity: 4,
    title: `SOS from ${id}`,
    unitId: `unit-${id}`,
    incidentId: null,
    raisedAt: 1_000_000,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    escalatedAt: null,
    words: null,
    ...patch,
  };
}

export const byId = (...alerts: Alert[]): ReadonlyMap<string, Alert> => new Map(alerts.map((a) => [a.id, a]));
