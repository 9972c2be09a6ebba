import { z } from 'zod';

/** What `GET /api/config` tells the client about the server it talks to. */
export const ClientConfig = z.object({
  tickMs: z.number().int().positive(),
  staleAfterS: z.number().positive(),
  lostAfterS: z.number().positive(),
  /** a raster tile URL template the mission hosts itself; absent means the offline base map only */
  tilesUrl: z.string().min(1).optional(),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
