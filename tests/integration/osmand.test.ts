import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { KNOT_MPS } from '../../server/ingest/osmand.js';
import { connectDashboard, onUnitChanges, startServer, testUnit, type DashboardSocket, type TestServer } from '../support/server.js';

let server: TestServer;
let osmandUrl: string;
let token: string;
let dashboard: DashboardSocket;
const seen = new Map<string, Unit>();

/** Waits until the dashboard shows the unit with a fix at this time. */
const shown = (unitId: string, time: number) =>
  expect.poll(() => seen.get(unitId)?.last?.time, { timeout: 5000 }).toBe(time);

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 100 } });
  osmandUrl = await server.app.listenOsmAnd(0);
  await server.register([testUnit('bor-fpu-2', { callsign: 'BOR-FPU-2', fieldOffice: 'bor' }), testUnit('bor-fpu-3', { fieldOffice: 'bor' })]);
  token = await server.deviceToken('bor-fpu-2');
  dashboard = await connectDashboard(server.url, await server.signIn('viewer'));
  onUnitChanges(dashboard, (changed) => {
    for (const u of changed) seen.set(u.id, u);
  });
});

afterAll(async () => {
  dashboard.disconnect();
  await server.close();
});

describe('OsmAnd / Traccar Client protocol', () => {
  it('takes a request shaped like Traccar Client’s, on its own port, and a dashboard shows it', async () => {
    const seconds = Math.floor(Date.now() / 1000) - 30;
    // Traccar Client: POST to the configured server URL with the fix in the query and an empty body.
    const query = `id=bor-fpu-2&timestamp=${seconds}&lat=6.2087&lon=31.5591&speed=21.6&bearing=184.5&altitude=419.0&accuracy=8.0&batt=76.0&charge=false`;
    const res = await fetch(`${osmandUrl}/${token}?${query}`, { method: 'POST', headers: { 'content-length': '0', 'user-agent': 'TraccarClient/9.5' } });
    expect(res.status).toBe(200);
    await shown('bor-fpu-2', seconds * 1000);
    const unit = seen.get('bor-fpu-2');
    expect(unit?.callsign).toBe('BOR-FPU-2');
    expect(unit?.last).toMatchObject({ lat: 6.2087, lon: 31.5591, heading: 184.5, accuracy: 8, battery: 76 });
    // 21.6 knots is 11.11 m/s (40 km/h); the live feed carries speed to the centimetre a second.
    expect(unit?.last?.speed).toBeCloseTo(11.11, 2);
    expect(server.app.tracker.unit('bor-fpu-2')?.last).toMatchObject({ altitude: 419, speed: 21.6 * KNOT_MPS });
  });

  it('takes location=lat,lon with a millisecond timestamp, under the main port too', async () => {
    const ms = Date.now() - 20_000;
    const res = await fetch(`${server.url}/osmand/${token}?id=bor-fpu-2&location=6.2101,31.5603&timestamp=${ms}&speed=0`);
    expect(res.status).toBe(200);
    await shown('bor-fpu-2', ms);
    expect(seen.get('bor-fpu-2')?.last).toMatchObject({ lat: 6.2101, lon: 31.5603, speed: 0 });
  });

  it('takes a form-encoded body with an ISO time, a Bearer token and deviceid', async () => {
    const iso = new Date(Date.now() - 10_000).toISOString();
    const res = await fetch(osmandUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ deviceid: 'bor-fpu-2', lat: '6.2110', lon: '31.5610', timestamp: iso, hdop: '1.6' }).toString(),
    });
    expect(res.status).toBe(200);
    await shown('bor-fpu-2', Date.parse(iso));
    expect(seen.get('bor-fpu-2')?.last?.accuracy).toBeCloseTo(8, 6);
  });

  it('takes the JSON variant with a buffered array of locations', async () => {
    const t = Date.now() - 5000;
    const res = await fetch(`${osmandUrl}/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        device_id: 'bor-fpu-2',
        location: [
          { timestamp: new Date(t - 2000).toISOString(), coords: { latitude: 6.212, longitude: 31.562, speed: 4, heading: 10, accuracy: 5, altitude: 410 }, is_moving: true, battery: { level: 0.74, is_charging: false } },
          { timestamp: new Date(t).toISOString(), coords: { latitude: 6.213, longitude: 31.562, speed: 4.5, heading: 12, accuracy: 5, altitude: 410 }, is_moving: true, battery: { level: 0.73, is_charging: false } },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await shown('bor-fpu-2', t);
    expect(seen.get('bor-fpu-2')?.last).toMatchObject({ lat: 6.213, speed: 4.5, battery: 73 });
  });

  it('turns alarm=sos into an SOS from the patrol', async () => {
    const t = Date.now() - 1000;
    expect((await fetch(`${osmandUrl}/${token}?id=bor-fpu-2&lat=6.2131&lon=31.5621&timestamp=${t}&alarm=sos`, { method: 'POST' })).status).toBe(200);
    await shown('bor-fpu-2', t);
    expect(seen.get('bor-fpu-2')?.activity).toBe('sos');
  });

  describe('refuses bad requests clearly and changes nothing', () => {
    const cases: [string, string, number, RegExp][] = [
      ['no position', 'id=bor-fpu-2&timestamp=1', 400, /lat and lon/],
      ['latitude out of range', 'id=bor-fpu-2&lat=96.2&lon=31.5', 400, /reports\[0\]\.lat/],
      ['a word for a number', 'id=bor-fpu-2&lat=six&lon=31.5', 400, /lat is not a number/],
      ['a broken location', 'id=bor-fpu-2&location=6.2;31.5', 400, /location must be "lat,lon"/],
      ['an unreadable time', 'id=bor-fpu-2&lat=6.2&lon=31.5&timestamp=yesterday', 400, /neither Unix time nor ISO 8601/],
      ['a fix from the future', `id=bor-fpu-2&lat=6.2&lon=31.5&timestamp=${Math.floor(Date.now() / 1000) + 86_400}`, 400, /ahead of the server's clock/],
      ['another unit’s id', 'id=bor-fpu-3&lat=6.2&lon=31.5', 403, /reports for "bor-fpu-2" only/],
      ['no id', 'lat=6.2&lon=31.5', 400, /id \(or deviceid\) is required/],
      ['a polluting key', 'id=bor-fpu-2&lat=6.2&lon=31.5&__proto__[admin]=1&constructor=x&timestamp=yesterday', 400, /timestamp/],
    ];
    for (const [what, query, status, message] of cases) {
      it(what, async () => {
        const before = server.app.tracker.unit('bor-fpu-2')?.last;
        const res = await fetch(`${osmandUrl}/${token}?${query}`, { method: 'POST' });
        expect(res.status).toBe(status);
        expect(await res.text()).toMatch(message);
        expect(server.app.tracker.unit('bor-fpu-2')?.last).toEqual(before);
        expect(server.app.tracker.unit('bor-fpu-3')?.last).toBeNull();
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
      });
    }

    it('an unknown or missing token', async () => {
      expect((await fetch(`${osmandUrl}/dev_not-a-token?id=bor-fpu-2&lat=6.2&lon=31.5`, { method: 'POST' })).status).toBe(401);
      const none = await fetch(`${osmandUrl}/?id=bor-fpu-2&lat=6.2&lon=31.5`, { method: 'POST' });
      expect(none.status).toBe(401);
      expect(await none.text()).toMatch(/device token is required/);
    });

    it('malformed JSON', async () => {
      const res = await fetch(`${osmandUrl}/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"device_id": "bor-fpu-2", "location": {' });
      expect(res.status).toBe(400);
      const bad = await fetch(`${osmandUrl}/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ device_id: 'bor-fpu-2', location: { timestamp: 'soon', coords: { latitude: 6.2, longitude: 31.5 } } }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/location\[0\]\.timestamp/);
    });
  });
});
