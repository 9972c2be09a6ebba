import { Router } from 'express';
import { z } from 'zod';
import { NewDeviceToken, NewUser, NewWallLink, PasswordReset, UserChange } from '../../shared/auth.js';
import { AccountError, type AccountService } from '../auth/accounts.js';
import { auditCsv, type AuditLog } from '../audit/audit-log.js';
import { actorOf, requirePermission, requireSession } from './auth.js';
import { ApiError, parseInput, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';

export interface AdminRouteOptions {
  accounts: AccountService;
  audit: AuditLog;
  /** called after a change that must end live connections (disabled user, revoked link) */
  onSessionsRevoked: () => void;
}

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(60).optional(),
});

const IdParam = z.string().uuid('an id as the server issued it');

/** Turns the account service's own errors into API errors. */
async function accountCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AccountError) throw new ApiError(err.code, err.message);
    throw err;
  }
}

/** Users, device tokens, wall links and the audit log, under /api/admin. */
export function adminRouter({ accounts, audit, onSessionsRevoked }: AdminRouteOptions): Router {
  const router = Router();
  router.use(jsonBody('64kb'));

  router.get('/users', requirePermission('users:manage'), async (_req, res) => sendOk(res, await accounts.listUsers()));

  router.post('/users', requirePermission('users:manage'), async (req, res) => {
    const input = parseInput(NewUser, req.body, 'the new user');
    const { user, password } = await accountCall(() => accounts.createUser(input, actorOf(req)));
    // The password is shown once, to the admin who made the account.
    sendOk(res, { user, password: input.password ? null : password }, 201);
  });

  router.patch('/users/:id', requirePermission('users:manage'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the user id');
    const change = parseInput(UserChange, req.body, 'the change');
    const self = requireSession(req);
    if (self.userId === id && (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))) {
      throw new ApiError('invalid_input', 'an administrator may not disable or demote their own account');
    }
    const user = await accountCall(() => accounts.updateUser(id, change, actorOf(req)));
    onSessionsRevoked();
    sendOk(res, user);
  });

  router.post('/users/:id/password', requirePermission('users:manage'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the user id');
    const { password } = parseInput(PasswordReset, req.body ?? {}, 'the password reset');
    const chosen = await accountCall(() => accounts.resetPassword(id, password, actorOf(req)));
    onSessionsRevoked();
    sendOk(res, { password: password ? null : chosen });
  });

  router.get('/device-tokens', requirePermission('tokens:manage'), async (_req, res) => sendOk(res, await accounts.listDeviceTokens()));

  router.post('/device-tokens', requirePermission('tokens:manage'), async (req, res) => {
    const input = parseInput(NewDeviceToken, req.body, 'the device token request');
    sendOk(res, await accountCall(() => accounts.issueDeviceToken(input.unitId, input.label, actorOf(req))), 201);
  });

  router.delete('/device-tokens/:id', requirePermission('tokens:manage'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the token id');
    await accountCall(() => accounts.revokeDeviceToken(id, actorOf(req)));
    sendOk(res, { revoked: id });
  });

  router.get('/wall-links', requirePermission('tokens:manage'), async (_req, res) => sendOk(res, await accounts.listWallLinks()));

  router.post('/wall-links', requirePermission('tokens:manage'), async (req, res) => {
    const input = parseInput(NewWallLink, req.body, 'the wall link request');
    const { token, wallLink } = await accountCall(() => accounts.issueWallLink(input.label, actorOf(req)));
    sendOk(res, { wallLink, path: `/wall/${token}` }, 201);
  });

  router.delete('/wall-links/:id', requirePermission('tokens:manage'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the link id');
    await accountCall(() => accounts.revokeWallLink(id, actorOf(req)));
    onSessionsRevoked();
    sendOk(res, { revoked: id });
  });

  router.get('/audit', requirePermission('audit:read'), async (req, res) => {
    const q = parseInput(AuditQuery, req.query, 'the audit query');
    sendOk(res, await audit.list(q));
  });

  router.get('/audit.csv', requirePermission('audit:read'), async (req, res) => {
    const q = parseInput(AuditQuery, req.query, 'the audit query');
    const entries = await audit.list({ ...q, limit: Math.max(q.limit, 10_000) });
    await audit.record({ actor: actorOf(req), action: 'audit.export', details: { entries: entries.length } });
    res.type('text/csv').attachment('audit-log.csv').send(auditCsv(entries));
  });

  return router;
}
