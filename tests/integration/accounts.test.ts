import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntry } from '../../shared/auth.js';
import {
  connectDashboard,
  postAsDevice,
  signInOverHttp,
  startServer,
  testUnit,
  type Client,
  type TestServer,
} from '../support/server.js';

let server: TestServer;
let admin: Client;

const login = (username: string, password: string, url = server.url) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

beforeAll(async () => {
  server = await startServer();
  admin = await server.signIn('admin');
});
afterAll(() => server.close());

describe('first start', () => {
  it('creates one administrator with a random password, or the one given, and never again', async () => {
    const fresh = await startServer();
    try {
      const first = await fresh.app.accounts.ensureFirstAdmin();
      expect(first?.username).toBe('admin');
      expect(first?.password.length).toBeGreaterThanOrEqual(20);
      expect(await fresh.app.accounts.ensureFirstAdmin()).toBeNull();
      expect((await login('admin', first?.password ?? '', fresh.url)).status).toBe(200);
      expect((await login('admin', 'admin', fresh.url)).status).toBe(401);
    } finally {
      await fresh.close();
    }
    const given = await startServer();
    try {
      await given.app.accounts.ensureFirstAdmin('a long deployment secret');
      expect((await login('admin', 'a long deployment secret', given.url)).status).toBe(200);
    } finally {
      await given.close();
    }
  });
});

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict cookie and signs out again', async () => {
    await server.app.accounts.createUser({ username: 'amina', displayName: 'Amina', role: 'operator', password: 'a very long passphrase' }, 'test');
    const res = await login('amina', 'a very long passphrase');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const client = await signInOverHttp(server.url, 'amina', 'a very long passphrase');
    expect((await client.get('/api/auth/me')).body).toMatchObject({ data: { role: 'operator', name: 'Amina' } });
    expect((await client.send('POST', '/api/auth/logout')).status).toBe(200);
    expect(await client.get('/api/auth/me')).toEqual({ status: 200, body: { ok: true, data: null } });
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    await server.app.accounts.createUser({ username: 'target2', displayName: 'T', role: 'viewer', password: 'the right password' }, 'test');
    for (let i = 0; i < 4; i++) expect((await login('target2', `guess ${i}`)).status).toBe(401);
    const fifth = await login('target2', 'guess 5');
    expect(fifth.status).toBe(429);
    expect(await fifth.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('locked until') } });
    expect((await login('target2', 'the right password')).status).toBe(429);
    const failures = await server.app.audit.list({ limit: 20, action: 'auth.login' });
    expect(failures.filter((e) => e.actor === 'target2' && e.outcome !== 'ok')).toHaveLength(6);
  });

  it('throttles many attempts from one address', async () => {
    const strict = await startServer({ config: { loginsPerMinute: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(`nobody${i}`, 'x', strict.url)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('device tokens', () => {
  it('stop working at once when revoked', async () => {
    await server.register([testUnit('bor-7', { fieldOffice: 'bor' })]);
    const issued = z
      .object({ data: z.object({ token: z.string(), deviceToken: z.object({ id: z.string() }) }) })
      .parse((await admin.send('POST', '/api/admin/device-tokens', { unitId: 'bor-7', label: 'Phone of BOR-FPU-7' })).body).data;
    const report = (t: number) => postAsDevice(`${server.url}/api/positions`, issued.token, { reports: [{ unitId: 'bor-7', time: t, lat: 6.2, lon: 31.56 }] });
    expect((await report(Date.now() - 1000)).status).toBe(200);
    expect((await admin.send('DELETE', `/api/admin/device-tokens/${issued.deviceToken.id}`)).status).toBe(200);
    const after = await report(Date.now());
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { message: 'the device token is unknown or has been revoked' } });
  });
});

describe('wall-display links', () => {
  it('sign a display in as a viewer, and revoking the link disconnects it', async () => {
    const made = z
      .object({ data: z.object({ path: z.string(), wallLink: z.object({ id: z.string() }) }) })
      .parse((await admin.send('POST', '/api/admin/wall-links', { label: 'JOC main wall' })).body).data;
    const opened = await fetch(`${server.url}${made.path}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/?view=wall');
    const cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ data: { kind: 'wall', role: 'viewer', name: 'JOC main wall' } });

    const socket = await connectDashboard(server.url, { cookie });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await admin.send('DELETE', `/api/admin/wall-links/${made.wallLink.id}`)).status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect((await fetch(`${server.url}/api/units`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}${made.path}`, { redirect: 'manual' })).status).toBe(403);
  });
});

describe('audit log', () => {
  it('records administration and incident changes, exports CSV, and cannot be changed', async () => {
    await admin.send('POST', '/api/admin/users', { username: 'newcomer', displayName: 'New', role: 'viewer' });
    const made = (await admin.send('POST', '/api/incidents', { category: 'cattle-raiding', severity: 3, title: 'Herd taken near Mapel', location: { lat: 7.6, lon: 28.4 } })).body;
    const incidentId = z.object({ data: z.object({ id: z.string() }) }).parse(made).data.id;
    const entries = z.object({ data: z.array(AuditEntry) }).parse((await admin.get('/api/admin/audit?limit=100')).body).data;
    const actions = entries.map((e) => `${e.action} ${e.target ?? ''}`);
    expect(actions).toContain('user.create newcomer');
    expect(actions).toContain(`incident.create ${incidentId}`);
    expect(actions.some((a) => a.startsWith('auth.login'))).toBe(true);

    const csv = await fetch(`${server.url}/api/admin/audit.csv`, { headers: { cookie: admin.cookie } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('seq,time_utc,actor,action,target,outcome,details');
    expect(text).toContain(`incident.create,${incidentId}`);

    await expect(sql`UPDATE audit SET actor = 'someone else'`.execute(server.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit`.execute(server.db)).rejects.toThrow(/append-only/);
  });
});

describe('hardening', () => {
  it('sends a Content Security Policy and no CORS permission to other origins', async () => {
    const res = await fetch(`${server.url}/api/sites`, { headers: { cookie: admin.cookie, origin: 'http://elsewhere.example' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('worker-src');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const preflight = await fetch(`${server.url}/api/incidents`, { method: 'OPTIONS', headers: { origin: 'http://elsewhere.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never shows a stack trace or an internal message', async () => {
    const res = await admin.send('PATCH', '/api/incidents/not-a-uuid', { severity: 2 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });
});
