import type { LinkStatus, Unit } from '../../shared/units.js';
import { effectiveStatus, type StatusPolicy } from './status.js';

export type UnitCounts = Record<LinkStatus, number> & { total: number; sos: number };

/** How many units are live, stale, lost or without a fix, and how many call SOS. */
export function countUnits(units: Iterable<Unit>, serverNowMs: number, policy: StatusPolicy): UnitCounts {
  const counts: UnitCounts = { total: 0, live: 0, stale: 0, lost: 0, unknown: 0, sos: 0 };
  for (const unit of units) {
    counts.total += 1;
    counts[effectiveStatus(unit, serverNowMs, policy)] += 1;
    if (unit.activity === 'sos') counts.sos += 1;
  }
  return counts;
}
