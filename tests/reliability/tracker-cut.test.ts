/**
 * A tracker's link cut for 10 minutes: the phone keeps fixing every 5 s into its buffer, and on
 * reconnection sends its current fix and the buffer. Traccar Client (OsmAnd protocol) sends one
 * fix per request; the orders tried are the buffer oldest first after the current fix (as Traccar
 * Client does), newest first, and the current fix last. A TAK device over CoT is tried too.
 *
 * The server runs on a hand-driven clock: the 10 minutes pass in 5-second steps, with a feed tick
 * at each, so the unit turns stale then lost and its alert is raised, without real minutes going by.
 *
 * Checked each time: the history over the cut is complete and in time order (track API); the
 * dashboard never sees the unit's position go back in time; the marker ends on the newest fix;
 * no stale or lost alert for the unit is left open once it has reported again.
 */
import CoT from '@tak-ps/node-cot';
import { connect as tcpConnect, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { Fix } from '../../shared/units.js';
import { ManualClock } from '../../server/clock.js';
import { CotListener, networkList } from '../../server/ingest/cot-listener.js';
import { connectDashboard, onUnitChanges, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

const STEP_MS = 5_000;
const LIVE_FIXES = 12;
/** 10 minutes of fixes every 5 s */
const BUFFERED_FIXES = 120;

// Whole seconds (OsmAnd sends seconds), half an hour behind the real time so no fix is ever ahead of it.
const clock = new ManualClock(Math.floor((Date.now() - 30 * 60_000) / 1000) * 1000);
let server: TestServer;
let osmandUrl = '';
let cot: CotListener;
let cotPort = 0;
let viewer: Client;
let dashboard: DashboardSocket;
/** every time the dashboard was told of a unit's fix, in the order it was told */
const shownTimes = new Map<string, number[]>();

beforeAll(async () => {
  server = await startServer({ clock, config: { tickMs: 600_000 } });
  osmandUrl = await server.app.listenOsmAnd(0);
  cot = new CotListener({ tracker: server.app.tracker, logger: pino({ level: 'silent' }), allow: networkList('127.0.0.0/8') });
  cotPort = await cot.listenTcp(0, '127.0.0.1');
  await server.register([
    testUnit('mlk-fpu-21', { fieldOffice: 'malakal' }),
    testUnit('mlk-fpu-22', { fieldOffice: 'malakal' }),
    testUnit('mlk-fpu-23', { fieldOffice: 'malakal' }),
    testUnit('ANDROID-mlk-fpu-24', { fieldOffice: 'malakal' }),
  ]);
  viewer = await server.signIn('viewer');
  dashboard = await connectDashboard(server.url, viewer);
  onUnitChanges(dashboard, (changed) => {
    for (const u of changed) if (u.last) shownTimes.set(u.id, [...(shownTimes.get(u.id) ?? []), u.last.time]);
  });
});

afterAll(async () => {
  dashboard?.disconnect();
  await cot?.close();
  await server?.close();
});

interface DeviceFix {
  time: number;
  lat: number;
  lon: number;
}

/** A patrol driving north out of Malakal at about 4 m/s. */
const fixAt = (start: number, i: number): DeviceFix => ({ time: start + i * STEP_MS, lat: 9.5 + i * 0.0002, lon: 31.66 + i * 0.00005 });

/** How each kind of tracker sends one fix. */
type Sender = (unitId: string, fix: DeviceFix) => Promise<void>;

function osmandSender(token: string): Sender {
  return async (unitId, fix) => {
    // Traccar Client: the fix in the query of an empty POST, time in seconds, speed in knots.
    const query = `id=${unitId}&timestamp=${fix.time / 1000}&lat=${fix.lat}&lon=${fix.lon}&speed=8.5&bearing=12&accuracy=6&batt=71`;
    const res = await fetch(`${osmandUrl}/${token}?${query}`, { method: 'POST', headers: { 'content-length': '0', 'user-agent': 'TraccarClient/9.5' } });
    expect(res.status, await res.text()).toBe(200);
  };
}

function cotSender(stream: Socket): Sender {
  return (unitId, fix) => {
    const event = new CoT({
      event: {
        _attributes: {
          version: '2.0',
          uid: unitId,
          type: 'a-f-G-U-C',
          how: 'm-g',
          time: new Date(fix.time).toISOString(),
          start: new Date(fix.time).toISOString(),
          stale: new Date(fix.time + 120_000).toISOString(),
        },
        point: { _attributes: { lat: fix.lat, lon: fix.lon, hae: 380, ce: 6, le: 9999999 } },
        detail: { track: { _attributes: { speed: 4.4, course: 12 } } },
      },
    });
    return new Promise<void>((resolve, reject) => stream.write(event.to_xml(), (err) => (err ? reject(err) : resolve())));
  };
}

function openCotStream(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = tcpConnect(cotPort, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

async function track(unitId: string, from: number, to: number): Promise<number[]> {
  const res = await viewer.get(`/api/units/${unitId}/track?from=${from}&to=${to}&limit=1000`);
  expect(res.status).toBe(200);
  return z.object({ data: z.object({ fixes: z.array(Fix) }) }).parse(res.body).data.fixes.map((f) => f.time);
}

async function alertsFor(unitId: string): Promise<Alert[]> {
  const res = await viewer.get('/api/alerts');
  expect(res.status).toBe(200);
  return z.object({ data: z.array(Alert) }).parse(res.body).data.filter((a) => a.unitId === unitId);
}

type Order = 'current, then the buffer oldest first' | 'current, then the buffer newest first' | 'the buffer oldest first, then current';

function reconnectionOrder(order: Order, buffered: DeviceFix[], current: DeviceFix): DeviceFix[] {
  switch (order) {
    case 'current, then the buffer oldest first':
      return [current, ...buffered];
    case 'current, then the buffer newest first':
      return [current, ...[...buffered].reverse()];
    case 'the buffer oldest first, then current':
      return [...buffered, current];
  }
}

async function cutAndReconnect(unitId: string, send: Sender, order: Order): Promise<void> {
  const start = clock.now();
  const expected: number[] = [];

  // Live: each fix sent as it is made, the feed ticking between them.
  for (let i = 0; i < LIVE_FIXES; i++) {
    const fix = fixAt(start, i);
    await send(unitId, fix);
    expected.push(fix.time);
    await expect.poll(() => server.app.tracker.unit(unitId)?.last?.time).toBe(fix.time);
    server.app.hub.tick();
    clock.advance(STEP_MS);
  }
  const lastLive = start + (LIVE_FIXES - 1) * STEP_MS;
  await expect.poll(() => shownTimes.get(unitId)?.at(-1)).toBe(lastLive);

  // Cut: 10 minutes of fixes go into the phone's buffer; the server hears nothing.
  const buffered: DeviceFix[] = [];
  for (let i = LIVE_FIXES; i < LIVE_FIXES + BUFFERED_FIXES; i++) {
    buffered.push(fixAt(start, i));
    server.app.hub.tick();
    clock.advance(STEP_MS);
  }
  server.app.hub.tick();
  // The desk was told: the unit is lost and its alert is waiting.
  expect(server.app.tracker.unit(unitId)?.status).toBe('lost');
  await expect.poll(async () => (await alertsFor(unitId)).filter((a) => a.kind === 'unit-lost' && a.resolvedAt === null).length).toBe(1);

  // Link back: the current fix and the buffer, one fix per request, the feed ticking as they come.
  const current = fixAt(start, LIVE_FIXES + BUFFERED_FIXES);
  expect(current.time).toBe(clock.now());
  expected.push(...buffered.map((f) => f.time), current.time);
  const sent = reconnectionOrder(order, buffered, current);
  for (const [n, fix] of sent.entries()) {
    await send(unitId, fix);
    if (n % 4 === 3) {
      // Let CoT's stream catch up before the tick, so the ticks fall between fixes as they would live.
      await new Promise((r) => setTimeout(r, 5));
      server.app.hub.tick();
    }
  }

  // The history over the cut is complete, every fix once, in time order.
  await expect.poll(async () => (await track(unitId, start, current.time)).length, { timeout: 10_000 }).toBe(expected.length);
  expect(await track(unitId, start, current.time)).toEqual(expected);

  // The marker ends on the newest fix, and never went back in time on the way.
  server.app.hub.tick();
  await expect.poll(() => shownTimes.get(unitId)?.at(-1)).toBe(current.time);
  expect(server.app.tracker.unit(unitId)?.last?.time).toBe(current.time);
  expect(server.app.tracker.unit(unitId)?.status).toBe('live');
  const times = shownTimes.get(unitId) ?? [];
  const backwards = times.flatMap((t, i) => (i > 0 && t < (times[i - 1] ?? 0) ? [`${times[i - 1]} → ${t}`] : []));
  expect(backwards, `the dashboard saw ${unitId} go back in time`).toEqual([]);

  // No stale or lost alert for it is left open; the lost one was raised, and resolved.
  await expect.poll(async () => (await alertsFor(unitId)).filter((a) => (a.kind === 'unit-lost' || a.kind === 'unit-stale') && a.resolvedAt === null)).toEqual([]);
  expect((await alertsFor(unitId)).filter((a) => a.kind === 'unit-lost').map((a) => a.resolvedAt)).toEqual([current.time]);
  console.log(
    `[reliability] ${unitId}: cut ${(BUFFERED_FIXES * STEP_MS) / 60_000} min, ${sent.length} fixes sent on reconnection (${order}); ` +
      `history complete (${expected.length} fixes), dashboard told ${times.length} times, never backwards`,
  );
  clock.advance(STEP_MS);
}

it('Traccar Client (OsmAnd): current fix, then the buffer oldest first', async () => {
  await cutAndReconnect('mlk-fpu-21', osmandSender(await server.deviceToken('mlk-fpu-21')), 'current, then the buffer oldest first');
}, 120_000);

it('Traccar Client (OsmAnd): current fix, then the buffer newest first', async () => {
  await cutAndReconnect('mlk-fpu-22', osmandSender(await server.deviceToken('mlk-fpu-22')), 'current, then the buffer newest first');
}, 120_000);

it('Traccar Client (OsmAnd): the buffer oldest first, the current fix last', async () => {
  await cutAndReconnect('mlk-fpu-23', osmandSender(await server.deviceToken('mlk-fpu-23')), 'the buffer oldest first, then current');
}, 120_000);

it('TAK device (CoT over TCP): current fix, then the buffer oldest first, on one stream', async () => {
  const stream = await openCotStream();
  try {
    await cutAndReconnect('ANDROID-mlk-fpu-24', cotSender(stream), 'current, then the buffer oldest first');
  } finally {
    stream.end();
  }
}, 120_000);
