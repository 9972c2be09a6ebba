import { z } from 'zod';
import { IncidentSummary } from './incidents.js';
import { Unit, UnitId } from './units.js';

/**
 * Replay: the map as it was at a past moment. `GET /api/replay/state?at=` gives the picture at
 * one instant; `GET /api/replay/tracks?from=&to=` gives what changed over a short window, so a
 * screen plays it back without a request per frame.
 */

/** How far back replay reaches unless the server is configured otherwise (REPLAY_HOURS). */
export const DEFAULT_REPLAY_HOURS = 24;

/**
 * A unit silent for longer than this at the moment replayed is left off the replayed map: it
 * had been lost for hours, and its last fix says nothing of where it was then.
 */
export const REPLAY_LOOKBACK_MS = 6 * 3600_000;

/** The longest window one tracks request may ask for. */
export const REPLAY_TRACKS_MAX_MS = 2 * 3600_000;

/** A time in a query string: epoch milliseconds, digits only. */
const EpochParam = z
  .string({ error: (issue) => (issue.input === undefined ? 'required, as epoch milliseconds (UTC)' : 'give it once, as epoch milliseconds (UTC)') })
  .regex(/^\d{1,15}$/, 'epoch milliseconds (UTC), digits only')
  .transform(Number);

export const ReplayStateQuery = z.object({ at: EpochParam });
export type ReplayStateQuery = z.infer<typeof ReplayStateQuery>;

export const ReplayTracksQuery = z
  .object({
    from: EpochParam,
    to: EpochParam,
    /** at most one fix per unit in this many seconds (0: every fix); a fast replay needs fewer */
    everyS: z
      .string()
      .regex(/^\d{1,3}$/, 'whole seconds, 0–600')
      .transform(Number)
      .pipe(z.number().max(600, 'whole seconds, 0–600'))
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (q.to <= q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (q.to - q.from > REPLAY_TRACKS_MAX_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${REPLAY_TRACKS_MAX_MS / 3600_000} h after from` });
    }
  });
export type ReplayTracksQuery = z.infer<typeof ReplayTracksQuery>;

/** The stretch of time replay covers now, by the server's clock. */
export const ReplayRange = z.object({
  /** the earliest moment that can be replayed, epoch ms */
  from: z.number().int(),
  /** the server's now, epoch ms */
  to: z.number().int(),
  hours: z.number().positive(),
  lookbackMs: z.number().int().positive(),
  maxTracksMs: z.number().int().positive(),
});
export type ReplayRange = z.infer<typeof ReplayRange>;

/**
 * What a patrol was doing over a stretch of time, as far as history tells: in SOS while its
 * SOS alert was open; responding from when it was sent to an incident until it arrived there
 * or the incident was resolved. `until` null: still so at the end of what was asked.
 */
export const ActivitySpan = z.object({
  unitId: UnitId,
  activity: z.enum(['sos', 'responding']),
  from: z.number().int(),
  until: z.number().int().nullable(),
});
export type ActivitySpan = z.infer<typeof ActivitySpan>;

/**
 * A unit's activity at `at` from its spans: SOS outranks responding; otherwise on patrol (what
 * a tracker says of itself, such as "at base", is not kept in history).
 * @example activityAt([{ unitId: 'a', activity: 'sos', from: 10, until: 20 }], 'a', 15) === 'sos'
 */
export function activityAt(spans: readonly ActivitySpan[], unitId: string, at: number): 'sos' | 'responding' | 'on-patrol' {
  let responding = false;
  for (const s of spans) {
    if (s.unitId !== unitId || s.from > at || (s.until !== null && s.until <= at)) continue;
    if (s.activity === 'sos') return 'sos';
    responding = true;
  }
  return responding ? 'responding' : 'on-patrol';
}

/** The picture at one moment: each unit at its last fix then, each incident as it stood then. */
export const ReplayState = z.object({
  at: z.number().int(),
  range: ReplayRange,
  /** units with a fix at or before `at` within the lookback; status and activity as of `at` */
  units: z.array(Unit),
  /** incidents reported at or before `at`, as they stood then, redacted as live lists are */
  incidents: z.array(IncidentSummary),
});
export type ReplayState = z.infer<typeof ReplayState>;

/**
 * One fix, compact: [time (epoch ms), lon, lat, speed (m/s) | null, heading (°) | null,
 * accuracy (m) | null, 1 when implausible else 0].
 */
export const ReplayFixRow = z.tuple([
  z.number().int(),
  z.number(),
  z.number(),
  z.number().nullable(),
  z.number().nullable(),
  z.number().nullable(),
  z.union([z.literal(0), z.literal(1)]),
]);
export type ReplayFixRow = z.infer<typeof ReplayFixRow>;

/** What changed over a window [from, to]: every unit's fixes and each incident's versions. */
export const ReplayTracks = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** the thinning applied: at most one fix per unit in this many seconds (0: every fix) */
  everyS: z.number().int().nonnegative(),
  units: z.array(z.object({ unitId: UnitId, fixes: z.array(ReplayFixRow) })),
  /** an incident as it stood after each change in (from, to], oldest first */
  incidents: z.array(z.object({ time: z.number().int(), incident: IncidentSummary })),
  /** SOS and responding spans that overlap the window */
  activities: z.array(ActivitySpan),
});
export type ReplayTracks = z.infer<typeof ReplayTracks>;
