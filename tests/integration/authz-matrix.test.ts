import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentReportInput } from '../../shared/incidents.js';
import type { NewPatrolOrderInput } from '../../shared/patrols.js';
import { clientFor, postAsDevice, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

/**
 * Every route and socket event against every role and no login at all. Allowed → 2xx;
 * nobody signed in → 401; signed in without the permission → 403.
 */
type Who = 'anonymous' | 'admin' | 'commander' | 'operator' | 'viewer' | 'wall' | 'device';
const EVERYONE: Who[] = ['anonymous', 'admin', 'commander', 'operator', 'viewer', 'wall', 'device'];

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  allowed: Who[];
}

const READERS: Who[] = ['admin', 'commander', 'operator', 'viewer', 'wall'];
const DESK: Who[] = ['admin', 'commander', 'operator'];

let server: TestServer;
let incidentId = '';
let userId = '';
let alertId = '';
let patrolId = '';
let counter = 0;
const clients = new Map<Who, Client>();
let deviceToken = '';

/** A patrol order for mal-9 in a window of its own (a unit takes no overlapping orders). */
const patrol = (hoursAhead = ++counter): NewPatrolOrderInput => ({
  unitId: 'mal-9',
  title: 'Malakal town patrol',
  startsAt: Date.now() + hoursAhead * 3600_000,
  endsAt: Date.now() + hoursAhead * 3600_000 + 30 * 60_000,
  checkpoints: [{ name: 'Malakal market', lat: 9.53, lon: 31.66 }],
});

const incident = (): IncidentReportInput => ({
  category: 'crime',
  severity: 2,
  title: 'Theft at the market',
  location: { lat: 9.54, lon: 31.66 },
});

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/config', allowed: READERS },
  { method: 'GET', path: () => '/api/sites', allowed: READERS },
  { method: 'GET', path: () => '/api/basemap', allowed: READERS },
  { method: 'GET', path: () => '/api/units', allowed: READERS },
  { method: 'GET', path: () => '/api/units/mal-9/track', allowed: READERS },
  { method: 'GET', path: () => '/api/trails?minutes=30', allowed: READERS },
  { method: 'GET', path: () => `/api/replay/state?at=${Date.now() - 60_000}`, allowed: READERS },
  { method: 'GET', path: () => `/api/replay/tracks?from=${Date.now() - 600_000}&to=${Date.now() - 60_000}`, allowed: READERS },
  { method: 'GET', path: () => '/api/replay/range', allowed: READERS },
  { method: 'POST', path: () => '/api/units', body: () => ({ units: [testUnit(`reg-${++counter}`)] }), allowed: ['admin'] },
  {
    method: 'POST',
    path: () => '/api/positions',
    body: () => ({ reports: [{ unitId: 'mal-9', time: Date.now() - ++counter, lat: 9.5, lon: 31.6 }] }),
    allowed: ['admin', 'device'],
  },
  { method: 'GET', path: () => '/api/incidents', allowed: READERS },
  { method: 'POST', path: () => '/api/incidents', body: incident, allowed: DESK },
  { method: 'GET', path: () => `/api/incidents/${incidentId}`, allowed: READERS },
  { method: 'PATCH', path: () => `/api/incidents/${incidentId}`, body: () => ({ severity: 3 }), allowed: DESK },
  { method: 'GET', path: () => `/api/incidents/${incidentId}/timeline`, allowed: READERS },
  { method: 'GET', path: () => '/api/alerts', allowed: READERS },
  { method: 'POST', path: () => `/api/alerts/${alertId}/acknowledge`, allowed: DESK },
  { method: 'GET', path: () => '/api/patrols', allowed: READERS },
  { method: 'POST', path: () => '/api/patrols', body: () => patrol(), allowed: DESK },
  { method: 'GET', path: () => `/api/patrols/${patrolId}`, allowed: READERS },
  // Cancelling an order already cancelled is a harmless retry, so each desk role may repeat it.
  { method: 'POST', path: () => `/api/patrols/${patrolId}/cancel`, allowed: DESK },
  { method: 'GET', path: () => '/api/auth/me', allowed: [...READERS, 'anonymous'] },
  { method: 'GET', path: () => '/api/admin/users', allowed: ['admin'] },
  {
    method: 'POST',
    path: () => '/api/admin/users',
    body: () => ({ username: `made${++counter}`, displayName: 'Made', role: 'viewer' }),
    allowed: ['admin'],
  },
  { method: 'PATCH', path: () => `/api/admin/users/${userId}`, body: () => ({ displayName: `Renamed ${++counter}` }), allowed: ['admin'] },
  { method: 'POST', path: () => `/api/admin/users/${userId}/password`, body: () => ({}), allowed: ['admin'] },
  { method: 'GET', path: () => '/api/admin/device-tokens', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/admin/device-tokens', body: () => ({ unitId: 'mal-9', label: 'spare' }), allowed: ['admin'] },
  { method: 'GET', path: () => '/api/admin/wall-links', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/admin/wall-links', body: () => ({ label: `Wall ${++counter}` }), allowed: ['admin'] },
  { method: 'GET', path: () => '/api/admin/audit', allowed: ['admin'] },
  { method: 'GET', path: () => '/api/admin/audit.csv', allowed: ['admin'] },
  // Exports name the person who took them: a wall display has nobody at it.
  { method: 'GET', path: () => '/api/export/incidents.csv', allowed: ['admin', 'commander', 'operator', 'viewer'] },
  { method: 'GET', path: () => '/api/export/tracks.geojson', allowed: ['admin', 'commander', 'operator', 'viewer'] },
  {
    method: 'POST',
    path: () => '/api/export/snapshots',
    body: () => ({ extent: { west: 31, south: 4, east: 32, north: 5 }, zoom: 8, situationAt: Date.now(), replay: false, layers: ['units'], incidents: 0, exactSensitive: 0, filename: 'unmiss-map-211030ZNOV26.png' }),
    allowed: ['admin', 'commander', 'operator', 'viewer'],
  },
];

async function call(who: Who, route: Route): Promise<number> {
  const path = route.path();
  const body = route.body?.();
  if (who === 'device') {
    const res = await fetch(`${server.url}${path}`, {
      method: route.method,
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await res.arrayBuffer();
    return res.status;
  }
  if (who === 'anonymous') {
    const res = await fetch(`${server.url}${path}`, {
      method: route.method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await res.arrayBuffer();
    return res.status;
  }
  const client = clients.get(who);
  if (!client) throw new Error(`no client for ${who}`);
  return route.method === 'GET' ? (await client.get(path)).status : (await client.send(route.method, path, body)).status;
}

beforeAll(async () => {
  server = await startServer();
  await server.register([testUnit('mal-9')]);
  deviceToken = await server.deviceToken('mal-9');
  for (const role of ['admin', 'commander', 'operator', 'viewer'] as const) clients.set(role, await server.signIn(role));
  const admin = clients.get('admin');
  const link = (await admin?.send('POST', '/api/admin/wall-links', { label: 'JOC wall' }))?.body as { data: { path: string } };
  const opened = await fetch(`${server.url}${link.data.path}`, { redirect: 'manual' });
  const wallCookie = opened.headers.get('set-cookie')?.split(';')[0] ?? '';
  const me = (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: wallCookie } }).then((r) => r.json())) as { data: { csrfToken: string } };
  clients.set('wall', clientFor(server.url, wallCookie, me.data.csrfToken));
  incidentId = ((await admin?.send('POST', '/api/incidents', incident()))?.body as { data: { id: string } }).data.id;
  alertId = (await server.app.alerts.raise({ kind: 'sos', severity: 4, title: 'SOS from MAL-9', words: { kind: 'sos', callsign: 'MAL-9' }, unitId: 'mal-9' })).id;
  patrolId = ((await admin?.send('POST', '/api/patrols', patrol(1000)))?.body as { data: { id: string } }).data.id;
  userId = (await server.app.accounts.createUser({ username: 'target', displayName: 'Target', role: 'viewer' }, 'test')).user.id;
});

afterAll(() => server.close());

describe('HTTP authorisation matrix', () => {
  for (const route of ROUTES) {
    for (const who of EVERYONE) {
      const allowed = route.allowed.includes(who);
      const expected = allowed ? '2xx' : who === 'anonymous' ? '401' : '403';
      it(`${route.method} ${route.path().replace(/[0-9a-f-]{36}/, ':id')} as ${who} → ${expected}`, async () => {
        const status = await call(who, route);
        if (allowed) {
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(300);
        } else {
          expect(status).toBe(who === 'anonymous' ? 401 : 403);
        }
      });
    }
  }
});

describe('cookie-authenticated changes need the CSRF token', () => {
  it('refuses a change without it, and with another session’s', async () => {
    const operator = clients.get('operator');
    const commander = clients.get('commander');
    if (!operator || !commander) throw new Error('clients missing');
    const missing = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(incident()),
    });
    expect(missing.status).toBe(403);
    const wrong = await clientFor(server.url, operator.cookie, commander.csrf).send('POST', '/api/incidents', incident());
    expect(wrong.status).toBe(403);
  });
});

describe('a device reports its own unit only', () => {
  it('is refused for another unit, and nothing is stored', async () => {
    await server.register([testUnit('mal-10')]);
    const res = await postAsDevice(`${server.url}/api/positions`, deviceToken, {
      reports: [{ unitId: 'mal-10', time: Date.now(), lat: 9.5, lon: 31.6 }],
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { issues: [{ path: 'reports[0].unitId' }] } });
    expect(server.app.tracker.unit('mal-10')?.last).toBeNull();
  });
});

describe('Socket.IO authorisation', () => {
  const tryConnect = (headers: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket: DashboardSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
      socket.once('units:snapshot', () => {
        socket.emit('units:resync', (snapshot) => {
          socket.disconnect();
          resolve(Array.isArray(snapshot.units) ? 'ok' : 'bad resync');
        });
      });
      socket.once('connect_error', (err) => {
        socket.disconnect();
        resolve(err.message);
      });
    });

  it('refuses a connection with no session at the handshake', async () => {
    expect(await tryConnect({})).toBe('unauthenticated');
  });

  it('refuses a device token: trackers report over HTTP or CoT, they do not watch the map', async () => {
    expect(await tryConnect({ authorization: `Bearer ${deviceToken}` })).toBe('unauthenticated');
  });

  it('refuses a page from another origin', async () => {
    const viewer = clients.get('viewer');
    expect(await tryConnect({ cookie: viewer?.cookie ?? '', origin: 'http://evil.example' })).not.toBe('ok');
  });

  for (const who of ['admin', 'commander', 'operator', 'viewer', 'wall'] as const) {
    it(`lets ${who} connect and resync`, async () => {
      expect(await tryConnect({ cookie: clients.get(who)?.cookie ?? '' })).toBe('ok');
    });
  }
});
