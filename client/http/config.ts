import { z } from 'zod';

/**
 * What `GET /api/config` tells the client. The server declares the same shape in
 * server/http/api.ts; the client may not import the server, so it parses its own copy.
 */
export const ClientConfig = z.object({
  tickMs: z.number().int().positive(),
  staleAfterS: z.number().positive(),
  lostAfterS: z.number().positive(),
  tilesUrl: z.string().min(1).optional(),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
