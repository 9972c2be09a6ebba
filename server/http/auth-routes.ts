import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginRequest, type Me } from '../../shared/auth.js';
import type { AccountService } from '../auth/accounts.js';
import type { SessionPrincipal } from '../auth/principal.js';
import { clearedSessionCookie, principalOf, requireSession, sessionCookie } from './auth.js';
import { ApiError, parseInput, sendError, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';

export interface AuthRouteOptions {
  accounts: AccountService;
  secureCookies: boolean;
  /** login attempts per client address per minute */
  loginsPerMinute: number;
}

export function meOf(principal: SessionPrincipal): Me {
  return {
    kind: principal.kind,
    name: principal.name,
    role: principal.role,
    permissions: [...principal.permissions],
    csrfToken: principal.csrfToken,
  };
}

/** Signing in and out under /api/auth. */
export function authRouter({ accounts, secureCookies, loginsPerMinute }: AuthRouteOptions): Router {
  const router = Router();
  router.use(jsonBody('16kb'));

  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: loginsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(res, { code: 'rate_limited', message: 'too many sign-in attempts from this address; wait a minute' }),
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const { username, password } = parseInput(LoginRequest, req.body, 'the sign-in form');
    const result = await accounts.login(username, password, req.ip ?? 'unknown');
    if (!result.ok) {
      if (result.reason === 'locked') {
        const until = new Date(result.lockedUntil ?? 0).toISOString().slice(11, 16);
        throw new ApiError('rate_limited', `too many failed attempts: this account is locked until ${until} UTC`);
      }
      throw new ApiError('unauthenticated', 'wrong username or password');
    }
    res.setHeader('Set-Cookie', sessionCookie(result.sessionToken, result.expiresAt, secureCookies));
    sendOk(res, meOf(result.principal));
  });

  // Nobody signed in is an answer, not an error: the page asks this before showing the sign-in form.
  router.get('/me', (req, res) => {
    const principal = principalOf(req);
    if (!principal) return sendOk(res, null);
    sendOk(res, meOf(requireSession(req)));
  });

  router.post('/logout', async (req, res) => {
    const principal = requireSession(req);
    if (req.get('x-csrf-token') !== principal.csrfToken) throw new ApiError('forbidden', 'missing or wrong x-csrf-token header');
    await accounts.logout(principal);
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    sendOk(res, { signedOut: true });
  });

  return router;
}

/** `GET /wall/:token`: a wall display opens its link once and stays signed in as a viewer. */
export function wallRouter({ accounts, secureCookies }: AuthRouteOptions): Router {
  const router = Router();
  router.get('/wall/:token', async (req, res) => {
    const opened = await accounts.openWall(req.params.token, req.ip ?? 'unknown');
    if (!opened) {
      res.status(403).type('text/plain').send('This wall-display link is unknown or has been revoked. Ask an administrator for a new one.');
      return;
    }
    res.setHeader('Set-Cookie', sessionCookie(opened.sessionToken, opened.expiresAt, secureCookies));
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The pace of the wall's hot-spot cycle (`/wall/<token>?cycle=30`, 0 for off) goes along.
    const cycle = typeof req.query.cycle === 'string' && /^\d{1,4}$/.test(req.query.cycle) ? `&cycle=${req.query.cycle}` : '';
    // So does the display's language (`?lang=fr`), chosen by the administrator; any other value is ignored.
    const lang = req.query.lang === 'en' || req.query.lang === 'fr' ? `&lang=${req.query.lang}` : '';
    res.redirect(303, `/?view=wall${cycle}${lang}`);
  });
  return router;
}
