import type { Alert } from '../../shared/alerts.js';

export interface BannerPick {
  /** the alert the banner shows */
  alert: Alert;
  /** how many other alerts are waiting to be acknowledged */
  others: number;
}

/** Whether an alert still waits for someone at a desk to acknowledge it. */
export const isUnacknowledged = (alert: Alert): boolean => alert.acknowledgedAt === null;

/**
 * A notice (a patrol entering or leaving a POC site) is born resolved at the lowest severity: it
 * goes in the queue for the record, but does not take the banner over the map.
 */
export const isNotice = (alert: Alert): boolean => alert.severity <= 1 && alert.resolvedAt === alert.raisedAt;

/**
 * Worst first: the most severe; at equal severity one whose cause is still there (an SOS not yet
 * cancelled) before one already resolved, an escalated one before the rest; then the newest.
 */
export function bannerOrder(a: Alert, b: Alert): number {
  return (
    b.severity - a.severity ||
    Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) ||
    Number(b.escalatedAt !== null) - Number(a.escalatedAt !== null) ||
    b.raisedAt - a.raisedAt ||
    a.id.localeCompare(b.id)
  );
}

/**
 * What the banner across the map shows: the worst unacknowledged alert and how many more wait;
 * null when every alert has been acknowledged.
 * @example bannerAlert(new Map()) === null
 */
export function bannerAlert(alerts: ReadonlyMap<string, Alert>): BannerPick | null {
  let best: Alert | null = null;
  let waiting = 0;
  for (const alert of alerts.values()) {
    if (!isUnacknowledged(alert) || isNotice(alert)) continue;
    waiting += 1;
    if (best === null || bannerOrder(alert, best) < 0) best = alert;
  }
  return best ? { alert: best, others: waiting - 1 } : null;
}
