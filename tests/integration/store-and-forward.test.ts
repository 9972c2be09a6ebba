import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { PositionReportInput } from '../../shared/positions.js';
import { Fix, type Unit } from '../../shared/units.js';
import { KyselyTrackingStore } from '../../server/store/tracking.js';
import { connectDashboard, onUnitChanges, postAsDevice, startServer, testUnit, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ config: { tickMs: 100 } });
  await server.register([testUnit('rbk-fpu-1', { callsign: 'RBK-FPU-1', fieldOffice: 'rumbek' })]);
});
afterAll(() => server.close());

/** A seeded shuffle, so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed;
  const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

it('takes 10,000 buffered fixes in shuffled order: the history is complete and ordered, the marker on the newest', async () => {
  const token = await server.deviceToken('rbk-fpu-1');
  const viewer = await connectDashboard(server.url, await server.signIn('viewer'));
  const shown: Unit[] = [];
  onUnitChanges(viewer, (changed) => shown.push(...changed.filter((u) => u.id === 'rbk-fpu-1')));

  // Almost 14 hours of a patrol out of Rumbek, a fix every 5 seconds, sent at once after the link came back.
  const newest = Math.floor(Date.now() / 1000) * 1000 - 60_000;
  const fixes: PositionReportInput[] = Array.from({ length: 10_000 }, (_, i) => ({
    unitId: 'rbk-fpu-1',
    time: newest - (9_999 - i) * 5_000,
    lat: 6.8 + i * 0.00002,
    lon: 29.68 + Math.sin(i / 300) * 0.05,
    speed: 7.5,
    accuracy: 8,
  }));
  const res = await postAsDevice(`${server.url}/api/positions`, token, { reports: shuffle([...fixes], 20_140_529) });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ data: { accepted: 10_000, duplicates: 0, rejected: [], implausible: 0 } });

  const track = z
    .object({ data: z.object({ fixes: z.array(Fix) }) })
    .parse(await (await fetch(`${server.url}/api/units/rbk-fpu-1/track?from=${newest - 14 * 3600_000}&to=${newest}&limit=20000`, { headers: { cookie: (await server.signIn('viewer')).cookie } })).json()).data.fixes;
  expect(track).toHaveLength(10_000);
  expect(track.map((f) => f.time)).toEqual(fixes.map((f) => f.time));
  expect(track[4_321]).toMatchObject({ lat: fixes[4_321]?.lat, lon: fixes[4_321]?.lon });

  await expect.poll(() => shown.at(-1)?.last?.time, { timeout: 5000 }).toBe(newest);
  // The live marker only ever went to the newest fix: never back along the buffered track.
  expect(new Set(shown.map((u) => u.last?.time))).toEqual(new Set([newest]));
  expect(server.app.tracker.unit('rbk-fpu-1')?.last?.time).toBe(newest);

  // Sending the same buffer again (the tracker did not hear the answer) changes nothing.
  const again = await postAsDevice(`${server.url}/api/positions`, token, { reports: shuffle([...fixes], 7) });
  expect(again.body).toMatchObject({ data: { accepted: 0, duplicates: 10_000 } });
  viewer.disconnect();
});

it('prunes history older than the retention, and keeps the live position', async () => {
  const now = Date.now();
  await server.register([testUnit('rbk-ipo-2', { fieldOffice: 'rumbek', type: 'ipo-foot' })]);
  const ipo = await server.deviceToken('rbk-ipo-2');
  const days = (d: number) => now - d * 24 * 3600_000;
  await postAsDevice(`${server.url}/api/positions`, ipo, {
    reports: [31, 30.5, 2, 0.001].map((d, i) => ({ unitId: 'rbk-ipo-2', time: days(d), lat: 6.8 + i / 100, lon: 29.68 })),
  });
  const pruned = await new KyselyTrackingStore(server.db).pruneHistory(days(30));
  expect(pruned).toBeGreaterThanOrEqual(2);
  const left = await server.app.tracker.track('rbk-ipo-2', days(40), now, 100);
  expect(left.map((f) => f.time)).toEqual([days(2), days(0.001)]);
  expect(server.app.tracker.unit('rbk-ipo-2')?.last?.time).toBe(days(0.001));
});
