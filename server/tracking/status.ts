import type { LinkStatus } from '../../shared/units.js';

export interface StatusThresholds {
  staleAfterMs: number;
  lostAfterMs: number;
}

/** How fresh a unit's last report is at `now`. A report from the future counts as live. */
export function linkStatus(lastTime: number | null, now: number, t: StatusThresholds): LinkStatus {
  if (lastTime === null) return 'unknown';
  const age = now - lastTime;
  if (age > t.lostAfterMs) return 'lost';
  if (age > t.staleAfterMs) return 'stale';
  return 'live';
}
