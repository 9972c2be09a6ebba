import { z } from 'zod';
import { outsideMissionArea } from './sites.js';
import { Activity, UnitId } from './units.js';

/**
 * Timestamps arrive as ISO 8601 strings (with a zone) or as Unix epoch milliseconds;
 * they are normalised to epoch milliseconds.
 */
export const Timestamp = z.union([
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
  z.number().int().min(946_684_800_000, 'epoch milliseconds after 2000-01-01').max(8_640_000_000_000_000),
]);

/** One position report as a tracker or gateway posts it to `POST /api/positions`. */
export const PositionReport = z.object({
  unitId: UnitId,
  time: Timestamp,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  speed: z.number().min(0).max(400).optional(),
  heading: z.number().min(0).max(360).optional(),
  accuracy: z.number().min(0).max(100_000).optional(),
  altitude: z.number().min(-500).max(10_000).optional(),
  battery: z.number().min(0).max(100).optional(),
  activity: Activity.optional(),
  /** when this report stops being current (CoT's `stale`), epoch ms; the unit shows stale after it */
  staleAt: z.number().int().optional(),
}).superRefine((r, ctx) => {
  const outside = outsideMissionArea(r.lat, r.lon);
  if (outside) ctx.addIssue({ code: 'custom', path: ['lat'], message: outside });
});
export type PositionReportInput = z.input<typeof PositionReport>;
export type PositionReport = z.output<typeof PositionReport>;

export const PositionBatch = z.object({
  reports: z.array(PositionReport).min(1).max(10_000),
});
export type PositionBatchInput = z.input<typeof PositionBatch>;
export type PositionBatch = z.output<typeof PositionBatch>;

/** What the server says about a batch it took. */
export const PositionBatchResult = z.object({
  accepted: z.number().int(),
  /** reports already stored with the same unit and time */
  duplicates: z.number().int(),
  /** reports older than the unit's live position: kept in history, the marker not moved back */
  historical: z.number().int(),
  /** reports refused one by one (from the future, say), each with its reason; the rest were taken */
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  /** new live positions reached at an implausible speed */
  implausible: z.number().int(),
});
export type PositionBatchResult = z.infer<typeof PositionBatchResult>;
