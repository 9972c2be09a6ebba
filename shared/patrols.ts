import { z } from 'zod';
import { SOUTH_SUDAN_PADDED_BBOX } from './sites.js';
import { UnitId } from './units.js';

/**
 * Planned against actual patrols. An operator gives a unit a patrol order: checkpoints to visit
 * (in any order), a window from `startsAt` to `endsAt`, and a place to be back at by `endsAt`.
 * The server follows the unit's fixes against the order: a checkpoint not reached by its due
 * time, or a unit not back by the end of the window, raises an alert in the shared queue.
 */

/** Longest patrol window an order may cover. */
export const MAX_PATROL_WINDOW_MS = 24 * 3600_000;
export const MAX_CHECKPOINTS = 30;
/** Within this distance of a checkpoint (or of the return point) the unit has reached it, unless the order says otherwise. */
export const DEFAULT_CHECKPOINT_RADIUS_M = 300;
/**
 * A unit's field office is the return point when the order names none. The pack gives office
 * locations to town accuracy (about 1 km, and the UN compound may sit a few km from the town
 * centre), so the radius around an office is wider than around a checkpoint.
 */
export const DEFAULT_OFFICE_RETURN_RADIUS_M = 2_000;
export const MIN_RADIUS_M = 50;
export const MAX_RADIUS_M = 5_000;

const bbox = SOUTH_SUDAN_PADDED_BBOX;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Inside South Sudan and its undetermined borders: anything else is a typing slip. */
export const PatrolLatitude = z
  .number()
  .min(round3(bbox.south), `latitude must be between ${round3(bbox.south)} and ${round3(bbox.north)} (South Sudan and its borders)`)
  .max(round3(bbox.north), `latitude must be between ${round3(bbox.south)} and ${round3(bbox.north)} (South Sudan and its borders)`);
export const PatrolLongitude = z
  .number()
  .min(round3(bbox.west), `longitude must be between ${round3(bbox.west)} and ${round3(bbox.east)} (South Sudan and its borders)`)
  .max(round3(bbox.east), `longitude must be between ${round3(bbox.west)} and ${round3(bbox.east)} (South Sudan and its borders)`);

export const RadiusM = z
  .number()
  .int('a whole number of metres')
  .min(MIN_RADIUS_M, `at least ${MIN_RADIUS_M} m`)
  .max(MAX_RADIUS_M, `at most ${MAX_RADIUS_M} m`);

const EpochMs = z.number().int('epoch milliseconds').nonnegative();

export const PatrolStatus = z.enum(['planned', 'active', 'completed', 'overdue', 'cancelled']);
export type PatrolStatus = z.infer<typeof PatrolStatus>;

/** Orders the server still follows: not yet over. */
export const LIVE_PATROL_STATUSES: readonly PatrolStatus[] = ['planned', 'active', 'overdue'];
export const isLivePatrol = (order: { status: PatrolStatus }): boolean => LIVE_PATROL_STATUSES.includes(order.status);

/** A checkpoint as the operator plans it. */
export const CheckpointInput = z.object({
  name: z.string().trim().min(1).max(60),
  lat: PatrolLatitude,
  lon: PatrolLongitude,
  radiusM: RadiusM.default(DEFAULT_CHECKPOINT_RADIUS_M),
  /** when the unit must have reached it, epoch ms, inside the window; by the end of the window when left out */
  dueAt: EpochMs.optional(),
});
export type CheckpointInput = z.input<typeof CheckpointInput>;

/** Where the unit must be back by the end of the window. */
export const ReturnPointInput = z.object({
  name: z.string().trim().min(1).max(60).default('Return point'),
  lat: PatrolLatitude,
  lon: PatrolLongitude,
  radiusM: RadiusM.default(DEFAULT_CHECKPOINT_RADIUS_M),
});
export type ReturnPointInput = z.input<typeof ReturnPointInput>;

/**
 * A new patrol order as the desk sends it. The server also refuses a window that has already
 * ended, a due time already past, a unit not on the roster and a unit already under an order
 * for an overlapping window.
 */
export const NewPatrolOrder = z
  .object({
    unitId: UnitId,
    title: z.string().trim().min(3).max(120),
    startsAt: EpochMs,
    /** the return-by time */
    endsAt: EpochMs,
    checkpoints: z
      .array(CheckpointInput)
      .min(1, 'a patrol order needs at least one checkpoint')
      .max(MAX_CHECKPOINTS, `at most ${MAX_CHECKPOINTS} checkpoints`),
    /** the unit's field office when left out */
    returnTo: ReturnPointInput.optional(),
  })
  .superRefine((order, ctx) => {
    if (order.endsAt <= order.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'the return-by time must be after the start' });
      return;
    }
    if (order.endsAt - order.startsAt > MAX_PATROL_WINDOW_MS) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a patrol order covers at most 24 hours' });
    }
    order.checkpoints.forEach((c, i) => {
      if (c.dueAt !== undefined && (c.dueAt < order.startsAt || c.dueAt > order.endsAt)) {
        ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'dueAt'], message: 'the due time must fall inside the patrol window' });
      }
    });
  });
export type NewPatrolOrderInput = z.input<typeof NewPatrolOrder>;
export type NewPatrolOrder = z.output<typeof NewPatrolOrder>;

export const Checkpoint = z.object({
  /** position in the plan, from 0; the unit may visit checkpoints in any order */
  idx: z.number().int().nonnegative(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  radiusM: z.number(),
  dueAt: EpochMs.nullable(),
  /** time of the first fix within the radius; may come after `missedAt` when the unit got there late */
  reachedAt: EpochMs.nullable(),
  /** when the server found it not reached by its due time (or by the end of the window) */
  missedAt: EpochMs.nullable(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const ReturnPoint = z.object({
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  radiusM: z.number(),
});
export type ReturnPoint = z.infer<typeof ReturnPoint>;

export const PatrolOrder = z.object({
  id: z.string(),
  unitId: z.string(),
  title: z.string(),
  startsAt: EpochMs,
  endsAt: EpochMs,
  checkpoints: z.array(Checkpoint),
  returnTo: ReturnPoint,
  status: PatrolStatus,
  createdBy: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  /** when the unit was found not back by the end of the window; kept once it returns */
  overdueAt: EpochMs.nullable(),
  /** time of the fix that put it back within the return point's radius */
  completedAt: EpochMs.nullable(),
  cancelledAt: EpochMs.nullable(),
  cancelledBy: z.string().nullable(),
});
export type PatrolOrder = z.infer<typeof PatrolOrder>;

/** Cancelling an order; the reason goes to the audit log. */
export const CancelPatrolOrder = z.object({ reason: z.string().trim().max(200).optional() });
export type CancelPatrolOrder = z.infer<typeof CancelPatrolOrder>;

/** Orders still followed, and those ended in the last hours, newest first (`patrols:snapshot`, `GET /api/patrols`). */
export const PatrolsSnapshot = z.object({ time: EpochMs, orders: z.array(PatrolOrder) });
export type PatrolsSnapshot = z.infer<typeof PatrolsSnapshot>;

/** How many of an order's checkpoints are reached and missed (a late one counts as both). */
export function checkpointCounts(order: Pick<PatrolOrder, 'checkpoints'>): { reached: number; missed: number; total: number } {
  let reached = 0;
  let missed = 0;
  for (const c of order.checkpoints) {
    if (c.reachedAt !== null) reached += 1;
    if (c.missedAt !== null) missed += 1;
  }
  return { reached, missed, total: order.checkpoints.length };
}

export type CheckpointState = 'reached' | 'late' | 'missed' | 'pending';

/** Reached, reached late (after it was missed), missed, or not yet due. */
export function checkpointState(c: Pick<Checkpoint, 'reachedAt' | 'missedAt'>): CheckpointState {
  if (c.reachedAt !== null) return c.missedAt !== null ? 'late' : 'reached';
  return c.missedAt !== null ? 'missed' : 'pending';
}
