import { parseCookie, stringifySetCookie } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Permission } from '../../shared/auth.js';
import type { AccountService } from '../auth/accounts.js';
import type { Principal, SessionPrincipal } from '../auth/principal.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'ops_session';
export const CSRF_HEADER = 'x-csrf-token';

const principals = new WeakMap<Request, Principal>();

/** Who made this request, if anyone. */
export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}

/** How the audit log and timelines name whoever made this request. */
export function actorOf(req: Request): string {
  return principals.get(req)?.actor ?? 'unknown';
}

export function sessionCookie(token: string, expiresAt: number, secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'strict', secure, path: '/', expires: new Date(0) });
}

export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE] || undefined;
}

function bearerFrom(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Recognises a session cookie (people and wall displays) or a device token (trackers). It does
 * not refuse anyone: each route says what it needs.
 */
export function authenticate(accounts: AccountService): RequestHandler {
  return async (req, _res, next) => {
    const bearer = bearerFrom(req.get('authorization'));
    if (bearer) {
      const device = await accounts.device(bearer);
      if (!device) {
        next(new ApiError('unauthenticated', 'the device token is unknown or has been revoked'));
        return;
      }
      principals.set(req, device);
    } else {
      const token = sessionTokenFrom(req.get('cookie'));
      const session = token ? await accounts.session(token) : null;
      if (session) principals.set(req, session);
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a request without the permission: 401 when nobody is signed in, 403 otherwise. A change
 * made with a session cookie must also carry the session's CSRF token in a header.
 */
export function requirePermission(permission: Permission): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const principal = principals.get(req);
    if (!principal) {
      next(new ApiError('unauthenticated', 'sign in first'));
      return;
    }
    if (!principal.permissions.has(permission)) {
      next(new ApiError('forbidden', `the ${principal.role} role may not do this (${permission})`));
      return;
    }
    if (principal.kind !== 'device' && !SAFE_METHODS.has(req.method) && req.get(CSRF_HEADER) !== principal.csrfToken) {
      next(new ApiError('forbidden', `missing or wrong ${CSRF_HEADER} header`));
      return;
    }
    next();
  };
}

export function requireSession(req: Request): SessionPrincipal {
  const principal = principals.get(req);
  if (!principal) throw new ApiError('unauthenticated', 'sign in first');
  if (principal.kind === 'device') throw new ApiError('forbidden', 'a device token cannot be used for this');
  return principal;
}
