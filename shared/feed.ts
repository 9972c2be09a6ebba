import { z } from 'zod';
import { IncidentSummary } from './incidents.js';
import { Unit } from './units.js';

/**
 * The live feed. Every broadcast carries a sequence number that rises by one per message,
 * so a screen can tell that it missed something.
 */
export const UnitsSnapshot = z.object({
  seq: z.number().int().nonnegative(),
  /** server time of the snapshot, epoch ms */
  time: z.number().int(),
  units: z.array(Unit),
});
export type UnitsSnapshot = z.infer<typeof UnitsSnapshot>;

/** Units that changed during one tick: only the newest state of each. */
export const UnitsDelta = z.object({
  seq: z.number().int().nonnegative(),
  time: z.number().int(),
  units: z.array(Unit),
});
export type UnitsDelta = z.infer<typeof UnitsDelta>;

export const ServerClock = z.object({ time: z.number().int() });

/** Events the server sends to dashboards. */
export interface ServerToClientEvents {
  'units:snapshot': (snapshot: UnitsSnapshot) => void;
  'units:updated': (delta: UnitsDelta) => void;
  'incidents:snapshot': (snapshot: IncidentsSnapshot) => void;
  'incident:created': (incident: IncidentSummary) => void;
  'incident:updated': (incident: IncidentSummary) => void;
}

/** Events a dashboard sends. */
export interface ClientToServerEvents {
  'units:resync': (ack: (snapshot: UnitsSnapshot) => void) => void;
}

/** The Socket.IO path and namespace of the dashboard feed. */
export const FEED_NAMESPACE = '/';

export const IncidentsSnapshot = z.object({ time: z.number().int(), incidents: z.array(IncidentSummary) });
export type IncidentsSnapshot = z.infer<typeof IncidentsSnapshot>;
