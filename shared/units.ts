import { z } from 'zod';
import { FieldOfficeId } from './sites.js';

/** Unit ids are what a tracker sends as its device id: short, printable, no spaces. */
export const UnitId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');
export type UnitId = z.infer<typeof UnitId>;

/**
 * What kind of patrol a unit is. Formed police units patrol in vehicles; individual police
 * officers patrol on foot inside POC sites; static posts stay at a base.
 */
export const UnitType = z.enum(['fpu-vehicle', 'ipo-foot', 'joint-patrol', 'static-post']);
export type UnitType = z.infer<typeof UnitType>;

/** What the patrol says of itself. */
export const Activity = z.enum(['on-patrol', 'at-base', 'responding', 'sos']);
export type Activity = z.infer<typeof Activity>;

/** How fresh the last report is, worked out by the server from its clock. */
export const LinkStatus = z.enum(['live', 'stale', 'lost', 'unknown']);
export type LinkStatus = z.infer<typeof LinkStatus>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

/** A fix as stored and as shown: WGS84, UTC epoch milliseconds, SI units. */
export const Fix = z.object({
  time: z.number().int().nonnegative(),
  lat: Latitude,
  lon: Longitude,
  /** metres per second */
  speed: z.number().min(0).max(400).optional(),
  /** degrees clockwise from true north */
  heading: z.number().min(0).max(360).optional(),
  /** horizontal accuracy in metres (one sigma) */
  accuracy: z.number().min(0).max(100_000).optional(),
  altitude: z.number().min(-500).max(10_000).optional(),
  /** battery level, 0–100 */
  battery: z.number().min(0).max(100).optional(),
  /** when the sender said this fix stops being current (CoT `stale`), epoch ms */
  staleAt: z.number().int().optional(),
  /** reached from the previous fix only at an impossible speed: shown, but not to be trusted */
  implausible: z.literal(true).optional(),
});
export type Fix = z.infer<typeof Fix>;

/** A unit on the roster, as an administrator registers it. */
export const UnitRegistration = z.object({
  id: UnitId,
  callsign: z.string().trim().min(1).max(40),
  type: UnitType,
  fieldOffice: FieldOfficeId,
});
export type UnitRegistration = z.infer<typeof UnitRegistration>;

export const UnitRoster = z.object({
  units: z.array(UnitRegistration).min(1).max(5_000),
});
export type UnitRoster = z.infer<typeof UnitRoster>;

/** A unit as every screen sees it. */
export const Unit = UnitRegistration.extend({
  /** the team the device says it is in (a TAK group), if it says */
  group: z.string().max(100).optional(),
  activity: Activity,
  status: LinkStatus,
  last: Fix.nullable(),
});
export type Unit = z.infer<typeof Unit>;

/** Every unit's recent path, compact: one [time (epoch ms), lon, lat] per fix, oldest first. */
export const Trails = z.object({
  from: z.number().int(),
  to: z.number().int(),
  trails: z.array(z.object({ unitId: UnitId, points: z.array(z.tuple([z.number().int(), z.number(), z.number()])) })),
});
export type Trails = z.infer<typeof Trails>;

/** One unit's fixes in a time window, oldest first (`GET /api/units/:id/track`). */
export const UnitTrack = z.object({
  unitId: UnitId,
  from: z.number().int(),
  to: z.number().int(),
  fixes: z.array(Fix),
});
export type UnitTrack = z.infer<typeof UnitTrack>;
