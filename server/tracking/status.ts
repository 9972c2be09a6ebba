import type { LinkStatus, UnitType } from '../../shared/units.js';

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

/** How long each kind of unit may stay silent: vehicles report often, static posts rarely. */
export const DEFAULT_THRESHOLDS: Record<UnitType, StatusThresholds> = {
  'fpu-vehicle': { staleAfterMs: 120_000, lostAfterMs: 600_000 },
  'joint-patrol': { staleAfterMs: 120_000, lostAfterMs: 600_000 },
  'ipo-foot': { staleAfterMs: 300_000, lostAfterMs: 1_200_000 },
  'static-post': { staleAfterMs: 900_000, lostAfterMs: 3_600_000 },
};

/** Faster than this between two fixes is not a patrol moving but a bad fix (or a spoofed one). */
export const DEFAULT_MAX_SPEED_MPS: Record<UnitType, number> = {
  'fpu-vehicle': 70,
  'joint-patrol': 70,
  'ipo-foot': 70,
  'static-post': 70,
};

export interface TrackingPolicy {
  thresholds: Record<UnitType, StatusThresholds>;
  /** how far ahead of the server's clock a fix may be stamped (trackers' clocks drift) */
  maxClockSkewMs: number;
  maxSpeedMps: Record<UnitType, number>;
}

export const DEFAULT_POLICY: TrackingPolicy = {
  thresholds: DEFAULT_THRESHOLDS,
  maxClockSkewMs: 120_000,
  maxSpeedMps: DEFAULT_MAX_SPEED_MPS,
};
