import { z } from 'zod';
import { DeviceToken, User, WallLink } from '../../shared/auth.js';
import { Unit } from '../../shared/units.js';

/*
 * The admin routes' answers, built from the contract's own schemas. The server sends these
 * shapes from server/http/admin-routes.ts and server/http/api.ts.
 */

/** POST /api/admin/users: the password only when the server chose it, shown once. */
export const CreatedUser = z.object({ user: User, password: z.string().nullable() });

/** POST /api/admin/users/:id/password */
export const ChosenPassword = z.object({ password: z.string().nullable() });

/** POST /api/admin/device-tokens: the token itself is never shown again. */
export const IssuedDeviceToken = z.object({ token: z.string().min(1), deviceToken: DeviceToken });

/** POST /api/admin/wall-links */
export const IssuedWallLink = z.object({ wallLink: WallLink, path: z.string().startsWith('/wall/') });

/** DELETE of a token or a link */
export const Revoked = z.object({ revoked: z.string() });

/** GET /api/units */
export const UnitList = z.object({ time: z.number().int(), units: z.array(Unit) });

/** POST /api/units */
export const Registered = z.object({ registered: z.number().int() });
