import type { Alert } from '../../shared/alerts.js';
import { isUnacknowledged } from './pick.js';

/** Alerts at this severity or worse sound when they are raised. */
export const SOUNDING_SEVERITY = 3;
/** While an alert at this severity waits for acknowledgement, the alarm repeats. */
export const REPEATING_SEVERITY = 4;
export const REPEAT_EVERY_MS = 10_000;

/**
 * The severity to sound for what has just arrived: the worst new, unacknowledged, unresolved
 * alert of severity 3 or more that `previous` did not hold, or any alert just escalated for
 * want of acknowledgement (sounded at least as a severity 3); 0 for silence. With no
 * `previous` (the first snapshot after loading) nothing is new.
 */
export function alarmFor(previous: ReadonlyMap<string, Alert> | null, next: ReadonlyMap<string, Alert>): number {
  if (previous === null) return 0;
  let worst = 0;
  for (const alert of next.values()) {
    if (!isUnacknowledged(alert) || alert.resolvedAt !== null) continue;
    const before = previous.get(alert.id);
    if (before === undefined) {
      if (alert.severity >= SOUNDING_SEVERITY) worst = Math.max(worst, alert.severity);
    } else if (before.escalatedAt === null && alert.escalatedAt !== null) {
      worst = Math.max(worst, alert.severity, SOUNDING_SEVERITY);
    }
  }
  return worst;
}

/** Whether the alarm keeps repeating: some critical alert still waits for acknowledgement. */
export function keepsSounding(alerts: ReadonlyMap<string, Alert>): boolean {
  for (const alert of alerts.values()) {
    if (alert.severity >= REPEATING_SEVERITY && isUnacknowledged(alert)) return true;
  }
  return false;
}

/** Whether a repeat is due `now`, given when the alarm last sounded. */
export function repeatDue(alerts: ReadonlyMap<string, Alert>, lastSoundedAt: number, now: number): boolean {
  return keepsSounding(alerts) && now - lastSoundedAt >= REPEAT_EVERY_MS;
}
