import { z } from 'zod';
import { Activity, Fix, UnitId, UnitRegistration } from '../../shared/units.js';
import type { TrackerChange } from '../tracking/tracker.js';

/** A change to the live picture one node stored, for the others to apply without storing it again. */
const TrackerChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixes'),
    updates: z.array(z.object({ unitId: UnitId, fix: Fix, activity: Activity })).max(100_000),
  }),
  z.object({ kind: z.literal('activity'), unitId: UnitId, activity: Activity }),
  z.object({ kind: z.literal('identity'), unitId: UnitId, callsign: z.string().min(1).max(200), group: z.string().max(200).nullable() }),
  z.object({ kind: z.literal('registered'), units: z.array(UnitRegistration).max(100_000) }),
]);

// The schema and the tracker's own type must describe the same thing.
const _sameShape: z.ZodType<TrackerChange> = TrackerChangeSchema;
void _sameShape;

/** What one node tells the others, over Redis. */
export const ClusterMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tracker'), change: TrackerChangeSchema }),
  /** a patrol order was made or changed: nodes re-read it so their copy of the live orders stays current */
  z.object({ type: z.literal('patrol:changed'), orderId: z.string().min(1).max(100) }),
  /** a patrol was sent to an incident: the leading node watches for its arrival */
  z.object({
    type: z.literal('arrival:expected'),
    unitId: UnitId,
    incidentId: z.string().min(1).max(100),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  }),
  /** sessions were revoked: every node ends the live connections that used them */
  z.object({ type: z.literal('sessions:revoked') }),
]);
export type ClusterMessage = z.infer<typeof ClusterMessage>;

/** The envelope on the wire: who sent it, so a node skips its own. */
export const ClusterEnvelope = z.object({ from: z.string().min(1).max(200), message: ClusterMessage });
export type ClusterEnvelope = z.infer<typeof ClusterEnvelope>;
