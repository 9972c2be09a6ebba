import type { Alert } from '../../shared/alerts.js';
import { isUnacknowledged } from './pick.js';

/** The queue as the panel lists it: those still to acknowledge first, each part newest first. */
export function alertQueue(alerts: ReadonlyMap<string, Alert>): Alert[] {
  return [...alerts.values()].sort(
    (a, b) =>
      Number(isUnacknowledged(b)) - Number(isUnacknowledged(a)) || b.raisedAt - a.raisedAt || a.id.localeCompare(b.id),
  );
}

/** How many alerts wait to be acknowledged, and the worst severity among them (0 when none). */
export function waitingSummary(alerts: ReadonlyMap<string, Alert>): { count: number; worst: number } {
  let count = 0;
  let worst = 0;
  for (const alert of alerts.values()) {
    if (!isUnacknowledged(alert)) continue;
    count += 1;
    worst = Math.max(worst, alert.severity);
  }
  return { count, worst };
}

/**
 * The store's queue with the server's answer to an acknowledgement. The feed may already have
 * brought a newer state (acknowledged, resolved): what it knows is kept.
 */
export function withAcknowledged(alerts: ReadonlyMap<string, Alert>, answer: Alert): ReadonlyMap<string, Alert> {
  const current = alerts.get(answer.id);
  if (current && current.acknowledgedAt !== null) return alerts;
  const merged = current ? { ...answer, resolvedAt: answer.resolvedAt ?? current.resolvedAt } : answer;
  return new Map(alerts).set(answer.id, merged);
}
