import { z } from 'zod';
import { UnitType } from './units.js';

/** What `GET /api/config` tells the client about the server it talks to. */
const Thresholds = z.object({ staleAfterS: z.number().positive(), lostAfterS: z.number().positive() });

export const ClientConfig = z.object({
  tickMs: z.number().int().positive(),
  /** the shortest thresholds of any unit type */
  staleAfterS: z.number().positive(),
  lostAfterS: z.number().positive(),
  /** how long each type of unit may stay silent before it is stale, then lost */
  thresholds: z.record(UnitType, Thresholds),
  /** a raster tile URL template the mission hosts itself; absent means the offline base map only */
  tilesUrl: z.string().min(1).optional(),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
