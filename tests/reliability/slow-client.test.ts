import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PositionReportInput } from '../../shared/positions.js';
import type { Unit } from '../../shared/units.js';
import { connectDashboard, onUnitChanges, startServer, testUnit, type DashboardSocket, type TestServer } from '../support/server.js';

const UNITS = 1500;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 60_000 } });
  await server.register(Array.from({ length: UNITS }, (_, i) => testUnit(`u-${i}`, { callsign: `U-${i}` })));
});
afterAll(() => server.close());

/** The TCP socket under a Node socket.io-client websocket, so the test can stop reading from it. */
function tcpOf(socket: DashboardSocket): NetSocket {
  const transport: unknown = socket.io.engine.transport;
  const ws = (transport as { ws?: { _socket?: NetSocket } }).ws;
  if (!ws?._socket) throw new Error('no websocket under this client');
  return ws._socket;
}

let round = 0;
async function moveEveryone(): Promise<void> {
  round += 1;
  const t = Date.now() - 600_000 + round * 100;
  const reports: PositionReportInput[] = Array.from({ length: UNITS }, (_, i) => ({ unitId: `u-${i}`, time: t, lat: 9 + i / 10_000 + round / 1e5, lon: 31 + round / 1e5, speed: 5 }));
  await server.app.tracker.ingest(reports.map((r) => ({ ...r, time: Number(r.time) })));
  server.app.hub.tick();
}

it('skips a screen that stops reading, owes it at most one row per unit, and catches it up without a gap', async () => {
  const viewer = await server.signIn('viewer');
  const healthy = await connectDashboard(server.url, viewer);
  const stalled = await connectDashboard(server.url, viewer);
  const healthyUnits = new Map<string, Unit>();
  const stalledUnits = new Map<string, Unit>();
  let healthyDeltas = 0;
  onUnitChanges(healthy, (changed) => {
    healthyDeltas += 1;
    for (const u of changed) healthyUnits.set(u.id, u);
  });
  onUnitChanges(stalled, (changed) => {
    for (const u of changed) stalledUnits.set(u.id, u);
  });

  tcpOf(stalled).pause();
  const stalledId = stalled.id ?? '';
  // Keep moving every unit until the stalled screen's link is full and the hub stops writing to it.
  for (let i = 0; i < 400 && server.app.hub.owedTo(stalledId) === 0; i++) {
    await moveEveryone();
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(server.app.hub.owedTo(stalledId)).toBe(UNITS);
  for (let i = 0; i < 20; i++) await moveEveryone();
  // However long it stays stalled, the debt stays one row per unit.
  expect(server.app.hub.owedTo(stalledId)).toBe(UNITS);
  // The other screen, reading all along, is current and gap-free (onUnitChanges throws on a gap);
  // whatever it could not take at once came merged at the next tick.
  await expect
    .poll(() => {
      server.app.hub.tick();
      return healthyUnits.get('u-0')?.last?.lat;
    })
    .toBeCloseTo(9 + round / 1e5, 8);
  expect(healthyDeltas).toBeGreaterThan(10);
  expect(server.app.hub.owedTo(healthy.id ?? '')).toBe(0);

  tcpOf(stalled).resume();
  await expect
    .poll(
      () => {
        server.app.hub.tick();
        return stalledUnits.get(`u-${UNITS - 1}`)?.last?.lat;
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBeCloseTo(9 + (UNITS - 1) / 10_000 + round / 1e5, 8);
  expect(server.app.hub.owedTo(stalledId)).toBe(0);
  healthy.disconnect();
  stalled.disconnect();
}, 120_000);
