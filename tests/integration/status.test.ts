import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../server/clock.js';
import { connectDashboard, onUnitChanges, postAsDevice, startServer, testUnit, type TestServer } from '../support/server.js';

const clock = new ManualClock(Date.parse('2026-11-21T10:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ clock, config: { tickMs: 60_000 } });
});
afterAll(() => server.close());

it('turns a silent unit stale, then lost, and tells every dashboard when it does', async () => {
  const viewer = await server.signIn('viewer');
  await server.register([testUnit('tor-1', { fieldOffice: 'torit' })]);
  const tracker = await server.deviceToken('tor-1');
  const report = () => postAsDevice(`${server.url}/api/positions`, tracker, { reports: [{ unitId: 'tor-1', time: clock.now(), lat: 4.41, lon: 32.57 }] });
  expect((await report()).status).toBe(200);
  server.app.hub.tick();
  const socket = await connectDashboard(server.url, viewer);
  const statuses: string[] = [];
  onUnitChanges(socket, (changed) => {
    for (const u of changed) statuses.push(u.status);
  });

  // A vehicle patrol is stale after 2 minutes without a report, lost after 10.
  clock.advance(119_000);
  server.app.hub.tick();
  clock.advance(2_000);
  server.app.hub.tick();
  clock.advance(480_000);
  server.app.hub.tick();
  await expect.poll(() => statuses).toEqual(['stale', 'lost']);

  expect((await report()).status).toBe(200);
  server.app.hub.tick();
  await expect.poll(() => statuses).toEqual(['stale', 'lost', 'live']);
  socket.disconnect();
});
