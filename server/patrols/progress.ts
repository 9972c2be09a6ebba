import distance from '@turf/distance';
import { point } from '@turf/helpers';
import { isLivePatrol, type Checkpoint, type PatrolOrder } from '../../shared/patrols.js';
import type { Fix } from '../../shared/units.js';

interface Place {
  lat: number;
  lon: number;
  radiusM: number;
}

/** Whether a fix lies within a place's radius (great-circle distance). */
export function isWithin(fix: Pick<Fix, 'lat' | 'lon'>, place: Place): boolean {
  return distance(point([fix.lon, fix.lat]), point([place.lon, place.lat]), { units: 'meters' }) <= place.radiusM;
}

/** When a checkpoint is missed if not reached: its due time, else the end of the window. */
export const deadlineOf = (order: Pick<PatrolOrder, 'endsAt'>, checkpoint: Pick<Checkpoint, 'dueAt'>): number => checkpoint.dueAt ?? order.endsAt;

/** A fix that may tick a checkpoint: inside the window's start, and not flagged implausible (a jump the unit could not have made). */
const counts = (order: PatrolOrder, fix: Fix): boolean => fix.time >= order.startsAt && fix.implausible !== true;

const lastReachedAt = (order: PatrolOrder): number => Math.max(order.startsAt, ...order.checkpoints.map((c) => c.reachedAt ?? -Infinity));

/** Back at the return point after every checkpoint it reached. */
const isBack = (order: PatrolOrder, fix: Fix): boolean => counts(order, fix) && fix.time >= lastReachedAt(order) && isWithin(fix, order.returnTo);

/**
 * Moves a patrol order on from what is known at `now`: the unit's new fixes (oldest first) and
 * its newest fix. Pure: returns the order as it should now stand (the same object when nothing
 * changed).
 *
 * - A planned order becomes active at its start.
 * - A fix within a checkpoint's radius reaches it, in any order; one reached after it was
 *   missed keeps both times.
 * - A checkpoint not reached by its due time (or by the end of the window) is missed.
 * - Once every checkpoint is reached, the first fix back within the return point's radius
 *   completes the order. Once the window has ended, the order completes if the unit's newest
 *   fix is back there (missed checkpoints stay missed); otherwise it is overdue, and completes
 *   when the unit comes back.
 */
export function advance(order: PatrolOrder, now: number, fixes: readonly Fix[], latest: Fix | null): PatrolOrder {
  if (!isLivePatrol(order)) return order;
  let status = order.status;
  if (status === 'planned' && now >= order.startsAt) status = 'active';
  if (status === 'planned') return order;

  const checkpoints = order.checkpoints.map((c) => ({ ...c }));
  for (const fix of fixes) {
    if (!counts(order, fix)) continue;
    for (const c of checkpoints) if (c.reachedAt === null && isWithin(fix, c)) c.reachedAt = fix.time;
  }
  for (const c of checkpoints) {
    if (c.reachedAt === null && c.missedAt === null && deadlineOf(order, c) <= now) c.missedAt = now;
  }

  let next: PatrolOrder = { ...order, status, checkpoints };
  const allReached = checkpoints.every((c) => c.reachedAt !== null);
  const ended = now >= order.endsAt;
  let backAt: number | null = null;
  if (allReached) {
    const candidates = latest ? [...fixes, latest] : fixes;
    backAt = candidates.find((f) => isBack(next, f))?.time ?? null;
  } else if (ended && latest && isBack(next, latest)) {
    backAt = latest.time;
  }
  if (backAt !== null) next = { ...next, status: 'completed', completedAt: backAt };
  else if (ended && next.status === 'active') next = { ...next, status: 'overdue', overdueAt: now };

  return sameProgress(order, next) ? order : { ...next, updatedAt: now };
}

function sameProgress(a: PatrolOrder, b: PatrolOrder): boolean {
  if (a.status !== b.status || a.completedAt !== b.completedAt || a.overdueAt !== b.overdueAt) return false;
  return a.checkpoints.every((c, i) => c.reachedAt === b.checkpoints[i]?.reachedAt && c.missedAt === b.checkpoints[i]?.missedAt);
}

/** What changed between two states of one order, as the alert rules need it. */
export interface PatrolChange {
  activated: boolean;
  reached: Checkpoint[];
  missed: Checkpoint[];
  becameOverdue: boolean;
  completed: boolean;
  cancelled: boolean;
  /** checkpoints missed and still not reached after the change */
  outstanding: Checkpoint[];
}

export function changeOf(before: PatrolOrder, after: PatrolOrder): PatrolChange {
  const prior = new Map(before.checkpoints.map((c) => [c.idx, c]));
  const reached: Checkpoint[] = [];
  const missed: Checkpoint[] = [];
  for (const c of after.checkpoints) {
    const was = prior.get(c.idx);
    if (c.reachedAt !== null && was?.reachedAt === null) reached.push(c);
    if (c.missedAt !== null && was?.missedAt === null) missed.push(c);
  }
  return {
    activated: before.status === 'planned' && after.status !== 'planned',
    reached,
    missed,
    becameOverdue: before.status !== 'overdue' && after.status === 'overdue',
    completed: before.status !== 'completed' && after.status === 'completed',
    cancelled: before.status !== 'cancelled' && after.status === 'cancelled',
    outstanding: after.checkpoints.filter((c) => c.missedAt !== null && c.reachedAt === null),
  };
}
