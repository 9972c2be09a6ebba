import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../server/clock.js';
import { loadMissionPack } from '../../server/pack.js';
import { Simulator } from '../../server/simulator/simulator.js';
import { provisionSimulator } from '../../server/simulator/provision.js';
import { connectDashboard, onUnitChanges, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let simulator: Simulator;

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 200 } });
});

afterAll(async () => {
  simulator?.stop();
  await server.close();
});

it('reports 48 patrols through the HTTP ingest path, and a dashboard sees them move', async () => {
  const dashboard = await connectDashboard(server.url, await server.signIn('viewer'));
  const seen = new Map<string, number>();
  onUnitChanges(dashboard, (changed) => {
    for (const u of changed) if (u.last) seen.set(u.id, (seen.get(u.id) ?? 0) + 1);
  });
  simulator = new Simulator({
    baseUrl: server.url,
    pack: await loadMissionPack(),
    seed: 42,
    units: 48,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
  });
  await simulator.start(provisionSimulator(server.app.tracker, server.app.accounts));
  await expect.poll(() => seen.size, { timeout: 15_000 }).toBe(48);
  const units = server.app.tracker.allUnits();
  expect(units).toHaveLength(48);
  expect(units.every((u) => u.status === 'live')).toBe(true);
  // Vehicles report every 5 s: each moves again within a few reports.
  const vehicle = units.find((u) => u.type === 'fpu-vehicle');
  const before = vehicle?.last;
  await expect
    .poll(() => server.app.tracker.unit(vehicle?.id ?? '')?.last?.time, { timeout: 15_000, interval: 250 })
    .toBeGreaterThan(before?.time ?? Infinity);
  const after = server.app.tracker.unit(vehicle?.id ?? '')?.last;
  expect([after?.lat, after?.lon]).not.toEqual([before?.lat, before?.lon]);
  dashboard.disconnect();
});
