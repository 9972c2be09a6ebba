import type { LinkStatus, Unit } from '../../shared/units.js';

const RANK: Record<LinkStatus, number> = { live: 0, stale: 1, lost: 2, unknown: 3 };

export interface StatusThresholds {
  staleAfterMs: number;
  lostAfterMs: number;
}

/**
 * The status to show: the server's word, made worse by the fix's age on the client's
 * (server-corrected) clock. While the link is down the server cannot say that a unit went
 * stale, so the screen works it out rather than showing old positions as live.
 */
export function effectiveStatus(unit: Unit, serverNowMs: number, t: StatusThresholds): LinkStatus {
  if (!unit.last) return 'unknown';
  const age = serverNowMs - unit.last.time;
  const byAge: LinkStatus = age >= t.lostAfterMs ? 'lost' : age >= t.staleAfterMs ? 'stale' : 'live';
  if (unit.status === 'unknown') return byAge;
  return RANK[byAge] > RANK[unit.status] ? byAge : unit.status;
}

export function thresholdsFrom(config: { staleAfterS: number; lostAfterS: number } | null): StatusThresholds {
  return {
    staleAfterMs: (config?.staleAfterS ?? 180) * 1000,
    lostAfterMs: (config?.lostAfterS ?? 900) * 1000,
  };
}
