import { randomBytes, randomUUID } from 'node:crypto';
import {
  DeviceToken,
  permissionsOf,
  User,
  UserRole,
  WallLink,
  type NewUser,
  type UserChange,
} from '../../shared/auth.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { UsersTable } from '../db/schema.js';
import { hashPassword, passwordProblem, randomPassword, verifyPassword } from './passwords.js';
import { devicePrincipal, type DevicePrincipal, type SessionPrincipal } from './principal.js';
import { newToken, tokenHash } from './tokens.js';

export interface AccountPolicy {
  sessionHours: number;
  /** consecutive failed logins before an account is locked */
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export const DEFAULT_POLICY: AccountPolicy = { sessionHours: 12, maxFailedLogins: 5, lockoutMinutes: 15 };

/** Wall displays stay signed in: nobody is there to type a password. */
const WALL_SESSION_DAYS = 30;

export class AccountError extends Error {
  constructor(
    readonly code: 'invalid_input' | 'not_found' | 'unauthenticated' | 'rate_limited',
    message: string,
  ) {
    super(message);
  }
}

export type LoginResult =
  | { ok: true; sessionToken: string; principal: SessionPrincipal; expiresAt: number }
  | { ok: false; reason: 'bad-credentials' | 'locked'; lockedUntil?: number };

function userFromRow(r: UsersTable): User {
  return User.parse({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    sensitive: r.sensitive === 1,
    disabled: r.disabled === 1,
    createdAt: Number(r.created_at),
  });
}

// A hash to compare against when the username does not exist, so both cases take as long.
let decoyHash: Promise<string> | undefined;

/**
 * Accounts, sessions, device tokens and wall-display links. Secrets are shown once when they are
 * made; the database keeps only their hashes.
 */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly policy: AccountPolicy = DEFAULT_POLICY,
  ) {}

  /**
   * On first start there is nobody to sign in: create an administrator with the given password,
   * or with a random one that the caller prints once.
   */
  async ensureFirstAdmin(givenPassword?: string): Promise<{ username: string; password: string } | null> {
    const existing = await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return null;
    const password = givenPassword ?? randomPassword();
    await this.createUser({ username: 'admin', displayName: 'Administrator', role: 'admin', sensitive: true, password }, 'system');
    return { username: 'admin', password };
  }

  // ---- people ----

  async createUser(input: NewUser, by: string): Promise<{ user: User; password: string }> {
    const password = input.password ?? randomPassword();
    const problem = passwordProblem(password);
    if (problem) throw new AccountError('invalid_input', problem);
    const taken = await this.db.selectFrom('users').select('id').where('username', '=', input.username.toLowerCase()).executeTakeFirst();
    if (taken) throw new AccountError('invalid_input', `the username "${input.username}" is taken`);
    const row: UsersTable = {
      id: randomUUID(),
      username: input.username.toLowerCase(),
      display_name: input.displayName,
      role: UserRole.parse(input.role),
      sensitive: input.sensitive ? 1 : 0,
      password_hash: await hashPassword(password),
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: this.clock.now(),
    };
    await this.db.insertInto('users').values(row).execute();
    await this.audit.record({ actor: by, action: 'user.create', target: row.username, details: { role: row.role, sensitive: input.sensitive ?? false } });
    return { user: userFromRow(row), password };
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(userFromRow);
  }

  async userByName(username: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  /** Changes an account; a change of role, need-to-know or a disabling ends its sessions. */
  async updateUser(id: string, change: UserChange, by: string): Promise<User> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AccountError('not_found', `no user with id ${id}`);
    const set: Partial<UsersTable> = {};
    if (change.displayName !== undefined) set.display_name = change.displayName;
    if (change.role !== undefined) set.role = change.role;
    if (change.sensitive !== undefined) set.sensitive = change.sensitive ? 1 : 0;
    if (change.disabled !== undefined) {
      set.disabled = change.disabled ? 1 : 0;
      if (!change.disabled) {
        set.failed_logins = 0;
        set.locked_until = null;
      }
    }
    await this.db.updateTable('users').set(set).where('id', '=', id).execute();
    if (change.role !== undefined || change.sensitive !== undefined || change.disabled === true) {
      await this.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    await this.audit.record({ actor: by, action: 'user.update', target: row.username, details: { ...change } });
    const updated = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return userFromRow(updated);
  }

  /** Sets a new password (or a random one, returned once), unlocks the account and ends its sessions. */
  async resetPassword(id: string, given: string | undefined, by: string): Promise<string> {
    const row = await this.db.selectFrom('users').select(['username']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AccountError('not_found', `no user with id ${id}`);
    const password = given ?? randomPassword();
    const problem = passwordProblem(password);
    if (problem) throw new AccountError('invalid_input', problem);
    await this.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
    await this.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await this.audit.record({ actor: by, action: 'user.reset-password', target: row.username });
    return password;
  }

  // ---- signing in ----

  async login(username: string, password: string, from: string): Promise<LoginResult> {
    const now = this.clock.now();
    const name = username.trim().toLowerCase();
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
    if (!row) {
      decoyHash ??= hashPassword(randomPassword());
      await verifyPassword(password, await decoyHash);
      await this.audit.record({ actor: name, action: 'auth.login', outcome: 'failed', details: { from, reason: 'unknown user' } });
      return { ok: false, reason: 'bad-credentials' };
    }
    if (row.locked_until !== null && Number(row.locked_until) > now) {
      await this.audit.record({ actor: name, action: 'auth.login', outcome: 'denied', details: { from, reason: 'locked' } });
      return { ok: false, reason: 'locked', lockedUntil: Number(row.locked_until) };
    }
    const good = (await verifyPassword(password, row.password_hash)) && row.disabled === 0;
    if (!good) {
      const failures = row.failed_logins + 1;
      const lock = failures >= this.policy.maxFailedLogins ? now + this.policy.lockoutMinutes * 60_000 : null;
      await this.db
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lock })
        .where('id', '=', row.id)
        .execute();
      await this.audit.record({
        actor: name,
        action: 'auth.login',
        outcome: 'failed',
        details: { from, reason: row.disabled ? 'disabled' : 'wrong password', ...(lock ? { lockedUntil: lock } : {}) },
      });
      return lock ? { ok: false, reason: 'locked', lockedUntil: lock } : { ok: false, reason: 'bad-credentials' };
    }
    await this.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    const user = userFromRow(row);
    const session = await this.openSession({ userId: user.id, wallLinkId: null }, this.policy.sessionHours * 3600_000);
    await this.audit.record({ actor: name, action: 'auth.login', details: { from } });
    return {
      ok: true,
      sessionToken: session.token,
      expiresAt: session.expiresAt,
      principal: this.userPrincipal(user, session.hash, session.csrf),
    };
  }

  async logout(principal: SessionPrincipal): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', principal.sessionHash).execute();
    await this.audit.record({ actor: principal.actor, action: 'auth.logout' });
  }

  /** The principal behind a session cookie, or null if it is unknown, expired or revoked. */
  async session(token: string): Promise<SessionPrincipal | null> {
    return this.sessionByHash(tokenHash(token));
  }

  /** The same, from the stored hash: used to re-check live connections after a revocation. */
  async sessionByHash(hash: string): Promise<SessionPrincipal | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
    if (!row || Number(row.expires_at) <= this.clock.now()) return null;
    if (row.user_id) {
      const userRow = await this.db.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirst();
      if (!userRow || userRow.disabled === 1) return null;
      return this.userPrincipal(userFromRow(userRow), hash, row.csrf_token);
    }
    if (row.wall_link_id) {
      const link = await this.db.selectFrom('wall_links').selectAll().where('id', '=', row.wall_link_id).executeTakeFirst();
      if (!link || link.revoked_at !== null) return null;
      return {
        kind: 'wall',
        actor: `wall:${link.label}`,
        name: link.label,
        role: 'viewer',
        permissions: permissionsOf('viewer', false),
        userId: null,
        wallLinkId: link.id,
        sessionHash: hash,
        csrfToken: row.csrf_token,
      };
    }
    return null;
  }

  // ---- trackers ----

  async issueDeviceToken(unitId: string, label: string, by: string): Promise<{ token: string; deviceToken: DeviceToken }> {
    const unit = await this.db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new AccountError('not_found', `no unit "${unitId}" on the roster: register it first`);
    const token = newToken('dev');
    const row = { id: randomUUID(), token_hash: tokenHash(token), unit_id: unitId, label, created_at: this.clock.now(), created_by: by, revoked_at: null };
    await this.db.insertInto('device_tokens').values(row).execute();
    await this.audit.record({ actor: by, action: 'device-token.issue', target: unitId, details: { id: row.id, label } });
    return { token, deviceToken: deviceTokenFromRow(row) };
  }

  async listDeviceTokens(): Promise<DeviceToken[]> {
    const rows = await this.db.selectFrom('device_tokens').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map(deviceTokenFromRow);
  }

  async revokeDeviceToken(id: string, by: string): Promise<void> {
    const result = await this.db
      .updateTable('device_tokens')
      .set({ revoked_at: this.clock.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AccountError('not_found', `no active device token with id ${id}`);
    await this.audit.record({ actor: by, action: 'device-token.revoke', target: id });
  }

  /** Revokes every active token with this label (the simulator renews its own at each start). */
  async revokeDeviceTokensLabelled(label: string, by: string): Promise<number> {
    const result = await this.db
      .updateTable('device_tokens')
      .set({ revoked_at: this.clock.now() })
      .where('label', '=', label)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const revoked = Number(result.numUpdatedRows);
    if (revoked > 0) await this.audit.record({ actor: by, action: 'device-token.revoke', target: `label:${label}`, details: { revoked } });
    return revoked;
  }

  /** Looked up on every request, so a revoked token stops working at once. */
  async device(token: string): Promise<DevicePrincipal | null> {
    const row = await this.db
      .selectFrom('device_tokens')
      .select(['id', 'unit_id'])
      .where('token_hash', '=', tokenHash(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? devicePrincipal(row.unit_id, row.id) : null;
  }

  // ---- wall displays ----

  async issueWallLink(label: string, by: string): Promise<{ token: string; wallLink: WallLink }> {
    const token = newToken('wall');
    const row = { id: randomUUID(), token_hash: tokenHash(token), label, created_at: this.clock.now(), created_by: by, revoked_at: null };
    await this.db.insertInto('wall_links').values(row).execute();
    await this.audit.record({ actor: by, action: 'wall-link.issue', target: label, details: { id: row.id } });
    return { token, wallLink: wallLinkFromRow(row) };
  }

  async listWallLinks(): Promise<WallLink[]> {
    const rows = await this.db.selectFrom('wall_links').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map(wallLinkFromRow);
  }

  /** Revokes the link and signs out every display opened with it. */
  async revokeWallLink(id: string, by: string): Promise<void> {
    const result = await this.db
      .updateTable('wall_links')
      .set({ revoked_at: this.clock.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AccountError('not_found', `no active wall link with id ${id}`);
    await this.db.deleteFrom('sessions').where('wall_link_id', '=', id).execute();
    await this.audit.record({ actor: by, action: 'wall-link.revoke', target: id });
  }

  /** A wall display opening its link gets a long viewer session. */
  async openWall(token: string, from: string): Promise<{ sessionToken: string; expiresAt: number } | null> {
    const link = await this.db
      .selectFrom('wall_links')
      .selectAll()
      .where('token_hash', '=', tokenHash(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!link) {
      await this.audit.record({ actor: 'wall:?', action: 'auth.wall-open', outcome: 'failed', details: { from } });
      return null;
    }
    const session = await this.openSession({ userId: null, wallLinkId: link.id }, WALL_SESSION_DAYS * 24 * 3600_000);
    await this.audit.record({ actor: `wall:${link.label}`, action: 'auth.wall-open', details: { from } });
    return { sessionToken: session.token, expiresAt: session.expiresAt };
  }

  async pruneSessions(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.clock.now()).execute();
  }

  private async openSession(owner: { userId: string | null; wallLinkId: string | null }, lifetimeMs: number) {
    const token = newToken('ses');
    const hash = tokenHash(token);
    const csrf = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + lifetimeMs;
    await this.db
      .insertInto('sessions')
      .values({ id_hash: hash, user_id: owner.userId, wall_link_id: owner.wallLinkId, csrf_token: csrf, created_at: now, expires_at: expiresAt })
      .execute();
    return { token, hash, csrf, expiresAt };
  }

  private userPrincipal(user: User, sessionHash: string, csrfToken: string): SessionPrincipal {
    return {
      kind: 'user',
      actor: user.username,
      name: user.displayName,
      role: user.role,
      permissions: permissionsOf(user.role, user.sensitive),
      userId: user.id,
      wallLinkId: null,
      sessionHash,
      csrfToken,
    };
  }
}

function deviceTokenFromRow(r: { id: string; unit_id: string; label: string; created_at: number; created_by: string; revoked_at: number | null }): DeviceToken {
  return {
    id: r.id,
    unitId: r.unit_id,
    label: r.label,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

function wallLinkFromRow(r: { id: string; label: string; created_at: number; created_by: string; revoked_at: number | null }): WallLink {
  return {
    id: r.id,
    label: r.label,
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}
