import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnitsDelta } from '../../shared/feed.js';
import { Trails, Unit } from '../../shared/units.js';
import { z } from 'zod';
import { connectDashboard, onUnitChanges, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

// An hour ago, on the second: fixes from the future are refused.
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3600_000;
let server: TestServer;
let dashboard: DashboardSocket;
// An administrator may report for any unit, as a gateway importing a tracker's buffer does.
let admin: Client;

const UnitsReply = z.object({ ok: z.literal(true), data: z.object({ units: z.array(Unit) }) });

async function unitsNow(): Promise<Unit[]> {
  return UnitsReply.parse((await admin.get('/api/units')).body).data.units;
}

/** The next delta in which `where` holds for the units it changed, decoded as a browser would. */
function nextChange(socket: DashboardSocket, timeoutMs: number, where: (changed: Unit[]) => boolean): Promise<Unit[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching units:delta within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = onUnitChanges(socket, (changed) => {
      if (!where(changed)) return;
      clearTimeout(timer);
      stop();
      resolve(changed);
    });
  });
}

beforeAll(async () => {
  // Ticks run only when a test calls hub.tick(), so "within one tick" is exact, whatever the load.
  server = await startServer({ config: { tickMs: 60_000 } });
  admin = await server.signIn('admin');
  const reg = await admin.send('POST', '/api/units', {
    units: [testUnit('mal-1', { callsign: 'MAL-FPU-1' }), testUnit('mal-2'), testUnit('bor-1', { fieldOffice: 'bor' })],
  });
  expect(reg.status).toBe(200);
});

beforeEach(async () => {
  dashboard?.disconnect();
  dashboard = await connectDashboard(server.url, admin);
});

afterAll(async () => {
  dashboard?.disconnect();
  await server.close();
});

describe('POST /api/positions → dashboard', () => {
  it('reaches a connected dashboard within one tick', async () => {
    server.app.hub.tick();
    const arrived = nextChange(dashboard, 5000, (changed) => changed.some((u) => u.id === 'mal-1' && u.last !== null));
    const res = await admin.send('POST', '/api/positions', {
      reports: [{ unitId: 'mal-1', time: new Date(T0).toISOString(), lat: 9.551, lon: 31.652, speed: 8.3, heading: 90, accuracy: 6 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, data: { accepted: 1, duplicates: 0, historical: 0, rejected: [], implausible: 0 } });
    server.app.hub.tick();
    const unit = (await arrived).find((u) => u.id === 'mal-1');
    expect(unit?.callsign).toBe('MAL-FPU-1');
    expect(unit?.last).toMatchObject({ time: T0, lat: 9.551, lon: 31.652, speed: 8.3, heading: 90, accuracy: 6 });
  });

  it('sends each unit once per tick, with its newest fix, and numbers every broadcast', async () => {
    // A server whose tick only runs when the test says so.
    const slow = await startServer({ config: { tickMs: 60_000 } });
    try {
      const slowAdmin = await slow.signIn('admin');
      await slow.register([testUnit('mal-2'), testUnit('bor-2', { fieldOffice: 'bor' })]);
      slow.app.hub.tick();
      const socket = await connectDashboard(slow.url, slowAdmin);
      const received: UnitsDelta[] = [];
      const changes: Unit[][] = [];
      socket.on('units:delta', (d) => received.push(UnitsDelta.parse(d)));
      onUnitChanges(socket, (changed) => changes.push(changed));
      for (const i of [1, 2, 3, 4, 5]) {
        await slowAdmin.send('POST', '/api/positions', { reports: [{ unitId: 'mal-2', time: T0 + i * 1000, lat: 9.55 + i / 1000, lon: 31.65 }] });
      }
      slow.app.hub.tick();
      await slowAdmin.send('POST', '/api/positions', { reports: [{ unitId: 'bor-2', time: T0, lat: 6.21, lon: 31.56 }] });
      slow.app.hub.tick();
      await expect.poll(() => received.length).toBe(2);
      const [first, second] = received;
      expect(first?.rows).toHaveLength(1);
      expect(changes[0]?.map((u) => [u.id, u.last?.time])).toEqual([['mal-2', T0 + 5000]]);
      expect(changes[1]?.map((u) => u.id)).toEqual(['bor-2']);
      expect(second?.seq).toBe((first?.seq ?? -1) + 1);
      expect(second?.prev).toBe(first?.seq);
      // Compact: a unit's whole state is one row of numbers, not a keyed object.
      expect(JSON.stringify(second?.rows[0]).length).toBeLessThan(60);
      socket.disconnect();
    } finally {
      await slow.close();
    }
  });

  it('answers an invalid report with a 400 naming the field, and stores nothing from the batch', async () => {
    const before = await unitsNow();
    const res = await admin.send('POST', '/api/positions', {
      reports: [
        { unitId: 'bor-1', time: T0 + 60_000, lat: 6.3, lon: 31.6 },
        { unitId: 'bor-1', time: T0 + 61_000, lat: 96.3, lon: 31.6 },
        { unitId: 'bor-1', time: 'yesterday', lat: 6.3, lon: 31.6 },
      ],
    });
    expect(res.status).toBe(400);
    const body = z
      .object({ ok: z.literal(false), error: z.object({ code: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })) }) })
      .parse(res.body);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['reports[1].lat', 'reports[2].time']));
    expect(await unitsNow()).toEqual(before);
    const track = (await admin.get(`/api/units/bor-1/track?from=${T0 + 30_000}&to=${T0 + 120_000}`)).body;
    expect(track).toMatchObject({ ok: true, data: { fixes: [] } });
  });

  it('refuses reports for a unit that is not on the roster', async () => {
    const res = await admin.send('POST', '/api/positions', {
      reports: [{ unitId: 'mal-1', time: T0 + 90_000, lat: 9.5, lon: 31.6 }, { unitId: 'ghost-7', time: T0, lat: 9.5, lon: 31.6 }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_unit', issues: [{ path: 'reports[1].unitId' }] } });
    const mal1 = (await unitsNow()).find((u) => u.id === 'mal-1');
    expect(mal1?.last?.time).toBe(T0);
  });

  it('drops duplicates without error and keeps an older fix in history without moving the unit back', async () => {
    const newer = { unitId: 'bor-1', time: T0 + 600_000, lat: 6.25, lon: 31.57 };
    const older = { unitId: 'bor-1', time: T0 + 300_000, lat: 6.22, lon: 31.56 };
    expect((await admin.send('POST', '/api/positions', { reports: [newer] })).body).toMatchObject({ data: { accepted: 1 } });
    const again = await admin.send('POST', '/api/positions', { reports: [newer, older] });
    expect(again.body).toEqual({ ok: true, data: { accepted: 1, duplicates: 1, historical: 1, rejected: [], implausible: 0 } });
    const bor = (await unitsNow()).find((u) => u.id === 'bor-1');
    expect(bor?.last).toMatchObject({ time: newer.time, lat: newer.lat });
    const track = (await admin.get(`/api/units/bor-1/track?from=${T0}&to=${T0 + 700_000}`)).body;
    expect(track).toMatchObject({ ok: true, data: { fixes: [{ time: older.time, lat: older.lat }, { time: newer.time, lat: newer.lat }] } });
  });

  it('says what is wrong with a body that is not JSON or too large, and keeps serving', async () => {
    const headers = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const bad = await fetch(`${server.url}/api/positions`, { method: 'POST', headers, body: '{"reports": [' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
    const huge = await fetch(`${server.url}/api/positions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ reports: [], pad: 'x'.repeat(9 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a fix from the future, with its reason, and takes the rest of the batch', async () => {
    const now = Date.now();
    const res = await admin.send('POST', '/api/positions', {
      reports: [
        { unitId: 'mal-1', time: now + 3 * 3600_000, lat: 9.6, lon: 31.7 },
        { unitId: 'mal-1', time: now - 1000, lat: 9.552, lon: 31.653 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: { accepted: 1, rejected: [{ index: 0, reason: expect.stringContaining("ahead of the server's clock") }] } });
    const mal1 = (await unitsNow()).find((u) => u.id === 'mal-1');
    expect(mal1?.last).toMatchObject({ time: now - 1000, lat: 9.552 });
  });

  it('flags a jump no patrol could make, keeps it in history, and shows it as such', async () => {
    const t = Date.now() - 500;
    // Malakal to Juba (about 520 km) in ten seconds.
    const res = await admin.send('POST', '/api/positions', { reports: [{ unitId: 'mal-1', time: t, lat: 4.85, lon: 31.6, accuracy: 10 }] });
    expect(res.body).toMatchObject({ data: { accepted: 1, implausible: 1 } });
    const mal1 = (await unitsNow()).find((u) => u.id === 'mal-1');
    expect(mal1?.last).toMatchObject({ time: t, implausible: true });
    const track = (await admin.get(`/api/units/mal-1/track?from=${t - 1}&to=${t + 1}`)).body;
    expect(track).toMatchObject({ data: { fixes: [{ time: t, implausible: true }] } });
  });

  it('answers unknown API routes with a 404 in the reply shape', async () => {
    const res = await admin.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('GET /api/trails', () => {
  it('gives every unit’s recent path, oldest first, and nothing older than asked', async () => {
    const now = Date.now();
    await admin.send('POST', '/api/positions', {
      reports: [
        { unitId: 'mal-2', time: now - 50 * 60_000, lat: 9.5, lon: 31.6 },
        { unitId: 'mal-2', time: now - 20 * 60_000, lat: 9.51, lon: 31.61 },
        { unitId: 'mal-2', time: now - 15 * 60_000, lat: 9.515, lon: 31.615 },
        { unitId: 'mal-2', time: now - 10 * 60_000, lat: 9.52, lon: 31.62 },
      ],
    });
    const body = Trails.parse(z.object({ data: z.unknown() }).parse((await admin.get('/api/trails?minutes=30')).body).data);
    const mal2 = body.trails.find((t) => t.unitId === 'mal-2');
    expect(mal2?.points).toEqual([
      [now - 20 * 60_000, 31.61, 9.51],
      [now - 15 * 60_000, 31.615, 9.515],
      [now - 10 * 60_000, 31.62, 9.52],
    ]);
    expect((await admin.get('/api/trails?minutes=0')).status).toBe(400);
    // Thinned for slow links: at most one point every ten minutes here, and always the newest.
    const thin = Trails.parse(z.object({ data: z.unknown() }).parse((await admin.get('/api/trails?minutes=60&everyS=600')).body).data);
    expect(thin.trails.find((t) => t.unitId === 'mal-2')?.points.map((p) => p[0])).toEqual([now - 50 * 60_000, now - 20 * 60_000, now - 10 * 60_000]);
  });
});
