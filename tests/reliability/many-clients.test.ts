/**
 * Many screens, a few of which stop reading (a laptop asleep with its tab open, a wall display
 * whose link is saturated): 1,500 units move at every tick, 40 dashboards follow the feed, and 4 of
 * them stop reading from their TCP socket. The others must not notice: every tick reaches every
 * reading screen, one delta each, gap-free. What the server keeps for a stalled screen is bounded:
 * at most one row per unit owed, and nothing more queued on its connection however long it
 * stalls, except the incidents and alerts, which are never dropped: each one raised meanwhile
 * reaches the stalled screens once they read again.
 */
import type { Socket as NetSocket } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { UnitMirror, UnitsDelta, UnitsSnapshot } from '../../shared/feed.js';
import type { PositionReportInput } from '../../shared/positions.js';
import { postAsDevice, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';
import { MALAKAL } from './support.js';

const UNITS = 1500;
const SCREENS = 40;
const STALLED = 4;
/** ticks run after every stalled screen's link is full, with incidents and alerts raised during them */
const STALLED_TICKS = 24;
/** the moving units and the one that sends an SOS */
const ROSTER = UNITS + 1;

let server: TestServer;
let operator: Client;

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 600_000 } });
  await server.register(Array.from({ length: UNITS }, (_, i) => testUnit(`mc-${i}`, { callsign: `MC-${i}` })));
  await server.register([testUnit('mc-sos', { callsign: 'MC-SOS', fieldOffice: 'malakal' })]);
  operator = await server.signIn('operator');
}, 120_000);
afterAll(() => server?.close());

/** One dashboard: its own copy of the units, decoded from the feed, and what it was told. */
interface Screen {
  socket: DashboardSocket;
  mirror: UnitMirror;
  deltas: number;
  /** the seq of the last delta, for the test to know when a tick has reached it */
  seq: number;
  gaps: string[];
  incidents: Set<string>;
  alerts: Set<string>;
}

/**
 * A dashboard connection. Every screen checks each delta follows the one before (`prev`); those
 * asked to `decode` also decode it as the browser does, into their copy of every unit (not all
 * 40: the test process would spend its time decoding, not serving).
 */
async function openScreen(cookie: string, decode: boolean): Promise<Screen> {
  const socket: DashboardSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  const screen: Screen = { socket, mirror: new UnitMirror(), deltas: 0, seq: -1, gaps: [], incidents: new Set(), alerts: new Set() };
  socket.on('units:delta', (raw) => {
    if (raw.prev !== screen.seq) screen.gaps.push(`delta ${raw.seq} after ${screen.seq} (prev ${raw.prev})`);
    if (decode) {
      const delta = UnitsDelta.parse(raw);
      const { gap } = screen.mirror.applyDelta(delta);
      if (gap) screen.gaps.push(`delta ${delta.seq}: rows for units this screen does not know`);
    }
    screen.deltas += 1;
    screen.seq = raw.seq;
  });
  socket.on('incident:created', (i) => screen.incidents.add(i.id));
  socket.on('alert:raised', (a) => screen.alerts.add(a.id));
  await new Promise<void>((resolve, reject) => {
    socket.once('units:snapshot', (raw) => {
      const snapshot = UnitsSnapshot.parse(raw);
      screen.mirror.applySnapshot(snapshot);
      screen.seq = snapshot.seq;
      resolve();
    });
    socket.once('connect_error', reject);
  });
  return screen;
}

/** The TCP socket under a Node socket.io-client websocket, so the test can stop reading from it. */
function tcpOf(socket: DashboardSocket): NetSocket {
  const ws = (socket.io.engine.transport as unknown as { ws?: { _socket?: NetSocket } }).ws;
  if (!ws?._socket) throw new Error('no websocket under this client');
  return ws._socket;
}

/** What the server holds for one connection, outside the hub: the engine's queue and the bytes waiting in the kernel's stead. */
function queuedOnServer(socketId: string): { packets: number; bytes: number } {
  const serverSocket = server.app.io.of('/').sockets.get(socketId);
  // A screen silent past the heartbeat's timeout (45 s) is disconnected: the test must stay short of it.
  if (!serverSocket) throw new Error(`the server has dropped the stalled connection ${socketId} (heartbeat timeout?)`);
  const conn = serverSocket.conn as unknown as { writeBuffer: unknown[]; transport: { socket?: { _socket?: NetSocket } } };
  return { packets: conn.writeBuffer.length, bytes: conn.transport.socket?._socket?.writableLength ?? 0 };
}

let round = 0;
/** Fixes a minute old at the start, 100 ms apart: recent (no unit goes stale) and never ahead of the clock. */
const FIRST_FIX = Date.now() - 60_000;
/** The seq of the feed's last delta: every tick has news here, since every unit moves. */
let feedSeq = 0;
/** Every unit moves; the feed ticks. */
async function moveEveryone(): Promise<void> {
  round += 1;
  const t = FIRST_FIX + round * 100;
  const reports: PositionReportInput[] = Array.from({ length: UNITS }, (_, i) => ({ unitId: `mc-${i}`, time: t, lat: 8 + i / 5_000 + round / 1e5, lon: 30 + round / 1e5, speed: 6 }));
  await server.app.tracker.ingest(reports.map((r) => ({ ...r, time: Number(r.time) })));
  server.app.hub.tick();
  feedSeq += 1;
}

/** Waits until every reading screen has the tick just sent (it may be busy for a moment: no tick is missed meanwhile). */
async function untilRead(readers: Screen[], seq: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (readers.some((s) => s.seq < seq)) {
    if (Date.now() > deadline) throw new Error(`reading screens still short of tick ${seq} after 30 s: ${readers.filter((s) => s.seq < seq).length}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

it('keeps 36 reading screens at the tick rate while 4 stop reading, owes those one row per unit at most, and delivers them every incident and alert', async () => {
  const viewer = await server.signIn('viewer');
  const screens: Screen[] = [];
  // The stalled screens and two of the reading ones decode every unit.
  for (let i = 0; i < SCREENS; i++) screens.push(await openScreen(viewer.cookie, i < STALLED + 2));
  const stalled = screens.slice(0, STALLED);
  const readers = screens.slice(STALLED);
  const stalledIds = stalled.map((s) => s.socket.id ?? '');
  feedSeq = Math.max(...screens.map((s) => s.seq));
  expect(Math.min(...screens.map((s) => s.seq))).toBe(feedSeq);

  for (const s of stalled) tcpOf(s.socket).pause();
  const stalledAt = performance.now();
  // Phase 1: ticks as fast as they come, until the link of every stalled screen is full and the
  // hub stops writing to it (a few MB of loopback buffers). A screen silent past the heartbeat's
  // timeout (45 s) is disconnected by the server: this part must not dawdle.
  let ticks = 0;
  for (; ticks < 400 && stalledIds.some((id) => server.app.hub.owedTo(id) === 0); ticks++) {
    for (const id of stalledIds) queuedOnServer(id);
    await moveEveryone();
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const id of stalledIds) expect(server.app.hub.owedTo(id), 'the hub stopped writing to a stalled screen').toBe(UNITS);
  const before = stalledIds.map(queuedOnServer);
  // The reading screens have the newest tick (one that fell behind for a moment is caught up at the next).
  await expect
    .poll(
      () => {
        server.app.hub.tick();
        return readers.every((r) => r.seq === feedSeq);
      },
      { timeout: 30_000, interval: 20 },
    )
    .toBe(true);
  const deltasBefore = readers.map((r) => r.deltas);
  const tickMs: number[] = [];

  // Phase 2: more ticks, and meanwhile incidents reported and alerts raised.
  const sosToken = await server.deviceToken('mc-sos');
  let incidentIds: string[] = [];
  for (let i = 0; i < STALLED_TICKS; i++) {
    const started = performance.now();
    await moveEveryone();
    if (i % 8 === 0) {
      // An incident near the Malakal POC site: an incident and its early-warning alert.
      const res = await operator.send('POST', '/api/incidents', {
        category: 'poc-site-security',
        severity: 4,
        title: `Shots near the POC gate, report ${i / 8 + 1}`,
        location: { lat: 9.55, lon: 31.6637 },
      });
      expect(res.status).toBe(201);
      incidentIds.push(z.object({ data: z.object({ id: z.string() }) }).parse(res.body).data.id);
    }
    if (i === STALLED_TICKS / 2) {
      const res = await postAsDevice(`${server.url}/api/positions`, sosToken, { reports: [{ unitId: 'mc-sos', time: Date.now(), lat: MALAKAL.lat, lon: MALAKAL.lon, activity: 'sos' }] });
      expect(res.status).toBe(200);
    }
    await untilRead(readers, feedSeq);
    tickMs.push(performance.now() - started);
    // However long they stall, the debt is one row per unit.
    for (const id of stalledIds) expect(server.app.hub.owedTo(id)).toBeLessThanOrEqual(ROSTER);
  }
  ticks += STALLED_TICKS;
  const after = stalledIds.map(queuedOnServer);

  // The incidents and alerts raised meanwhile, as a reading screen heard them (at once): those
  // reported, the one the SOS opened, an early-warning alert for each report and the SOS alert.
  const reportedIds = incidentIds;
  incidentIds = [...(readers[0]?.incidents ?? [])];
  expect(incidentIds).toEqual(expect.arrayContaining(reportedIds));
  expect(incidentIds).toHaveLength(reportedIds.length + 1);
  const alertIds = [...(readers[0]?.alerts ?? [])];
  expect(alertIds.length).toBeGreaterThanOrEqual(reportedIds.length + 1);
  for (const r of readers) {
    expect(r.gaps).toEqual([]);
    expect([...r.incidents].sort()).toEqual([...incidentIds].sort());
    expect([...r.alerts].sort()).toEqual([...alertIds].sort());
  }

  // Nothing queued for a stalled screen grew with the ticks: no delta was queued, only the
  // incident and alert messages (and the engine's pings), never dropped.
  const events = incidentIds.length * 2 + alertIds.length;
  for (const [i, id] of stalledIds.entries()) {
    expect(server.app.hub.owedTo(id)).toBe(ROSTER);
    expect(after[i]?.bytes, 'bytes waiting on a stalled connection').toBe(before[i]?.bytes);
    expect((after[i]?.packets ?? 0) - (before[i]?.packets ?? 0), 'messages queued for a stalled screen').toBeLessThanOrEqual(events + 4);
  }

  // While the stalled screens stayed stalled, the reading ones got every tick, one delta each, and are up to date.
  for (const [i, r] of readers.entries()) expect(r.deltas - (deltasBefore[i] ?? 0)).toBe(STALLED_TICKS);
  for (const r of readers.slice(0, 2)) {
    expect(r.mirror.units.get(`mc-${UNITS - 1}`)?.last?.lat).toBeCloseTo(8 + (UNITS - 1) / 5_000 + round / 1e5, 8);
  }

  // The stalled screens read again: they catch up without a gap and have every incident and alert.
  const stalledS = (performance.now() - stalledAt) / 1000;
  for (const s of stalled) tcpOf(s.socket).resume();
  await expect
    .poll(
      () => {
        server.app.hub.tick();
        return stalled.every((s) => incidentIds.every((id) => s.incidents.has(id)) && alertIds.every((id) => s.alerts.has(id)) && s.seq === feedSeq);
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  for (const [i, s] of stalled.entries()) {
    expect(s.gaps).toEqual([]);
    expect(s.incidents.size).toBe(incidentIds.length);
    expect(s.alerts.size).toBe(alertIds.length);
    expect(server.app.hub.owedTo(stalledIds[i] ?? '')).toBe(0);
    expect(s.mirror.units.get(`mc-${UNITS - 1}`)?.last?.lat).toBeCloseTo(8 + (UNITS - 1) / 5_000 + round / 1e5, 8);
  }

  const sorted = [...tickMs].sort((a, b) => a - b);
  console.log(
    `[reliability] ${UNITS} units moving, ${SCREENS} dashboards of which ${STALLED} stopped reading for ${ticks} ticks (${stalledS.toFixed(0)} s): ` +
      `${readers.length} reading screens gap-free throughout, and got each of the last ${STALLED_TICKS} ticks as its own delta (tick to last screen: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, ` +
      `max ${sorted.at(-1)?.toFixed(0)} ms); a stalled screen was owed ${ROSTER} rows (one per unit), its connection held ` +
      `${Math.round((after[0]?.bytes ?? 0) / 1024)} KiB before and after ${STALLED_TICKS} more ticks; ${incidentIds.length} incidents and ${alertIds.length} alerts ` +
      `raised while stalled, all delivered on resuming`,
  );
  for (const s of screens) s.socket.disconnect();
}, 600_000);
