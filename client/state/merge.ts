import type { Unit } from '../../shared/units.js';

/**
 * Merges changed units into the current set by id. Returns a new map so that subscribers
 * can tell by identity that something changed; units not named keep their object.
 */
export function mergeUnits(current: ReadonlyMap<string, Unit>, changed: readonly Unit[]): Map<string, Unit> {
  const next = new Map(current);
  for (const unit of changed) next.set(unit.id, unit);
  return next;
}

export function unitsById(units: readonly Unit[]): Map<string, Unit> {
  return new Map(units.map((u) => [u.id, u]));
}

/**
 * Where a delta stands against the last sequence number applied:
 * `next` follows on; `gap` means at least one delta was missed (ask for a snapshot);
 * `old` was already covered by a snapshot taken after it.
 */
export type SeqVerdict = 'next' | 'gap' | 'old';

export function checkSeq(lastSeq: number | null, seq: number): SeqVerdict {
  if (lastSeq === null) return 'gap';
  if (seq === lastSeq + 1) return 'next';
  if (seq <= lastSeq) return 'old';
  return 'gap';
}
