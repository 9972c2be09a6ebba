import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRow, packRows, type ClientToServerEvents, type KeyedUnit, type ServerToClientEvents, type UnitsSnapshot } from '../../shared/feed.js';
import type { Unit } from '../../shared/units.js';
import { createOpsStore, type OpsStore } from '../state/store.js';
import { startFeed } from './feed.js';

const t0 = 1_800_000_000_000;
let nextKey = 0;
const keys = new Map<string, number>();
const keyOf = (id: string) => keys.get(id) ?? (keys.set(id, nextKey++), nextKey - 1);
const unit = (id: string, lat: number): KeyedUnit => ({
  key: keyOf(id),
  id,
  callsign: id.toUpperCase(),
  type: 'fpu-vehicle',
  fieldOffice: 'bor',
  activity: 'on-patrol',
  status: 'live',
  last: { time: t0, lat, lon: 31.56 },
});

type FeedServer = Server<ClientToServerEvents, ServerToClientEvents>;
type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

async function feedServer(): Promise<{ io: FeedServer; url: string; close: () => Promise<void> }> {
  const http = createServer();
  const io: FeedServer = new Server(http);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return { io, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => void io.close(() => r())) };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('startFeed', () => {
  const stops: (() => unknown)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  async function connected(onConnection: (socket: ServerSocket) => void) {
    const server = await feedServer();
    stops.push(server.close);
    server.io.on('connection', onConnection);
    const store: OpsStore = createOpsStore();
    stops.push(startFeed(store, { url: server.url, browser: undefined }));
    await until(() => store.getState().link.state === 'connected');
    return { server, store };
  }

  it('takes the snapshot on connect and merges deltas by id', async () => {
    const { server, store } = await connected((socket) => {
      socket.emit('units:snapshot', { seq: 5, time: t0, units: [unit('a', 6.1), unit('b', 6.2)] });
    });
    await until(() => store.getState().seq === 5);
    const b: Unit = { ...unit('b', 6.3), last: { time: t0 + 400, lat: 6.3, lon: 31.56, speed: 4.25 } };
    server.io.emit('units:delta', { seq: 6, prev: 5, time: t0 + 500, meta: [], rows: packRows([encodeRow(keyOf('b'), b, t0 + 500)]) });
    await until(() => store.getState().seq === 6);
    const units = store.getState().units;
    expect(units.get('a')?.last?.lat).toBe(6.1);
    expect(units.get('b')?.last).toEqual({ time: t0 + 400, lat: 6.3, lon: 31.56, speed: 4.25 });
    expect(units.get('b')?.callsign).toBe('B');
    expect(store.getState().link.lastUpdate).toBe(t0 + 500);
  });

  it('asks for a snapshot when a message was missed (prev is not the last seq)', async () => {
    let resyncs = 0;
    const fresh: UnitsSnapshot = { seq: 9, time: t0 + 2_000, units: [unit('a', 7.0), unit('c', 7.1)] };
    const { server, store } = await connected((socket) => {
      socket.emit('units:snapshot', { seq: 5, time: t0, units: [unit('a', 6.1)] });
      socket.on('units:resync', (ack) => {
        resyncs += 1;
        ack(fresh);
      });
    });
    await until(() => store.getState().seq === 5);
    server.io.emit('units:delta', { seq: 7, prev: 6, time: t0 + 1_000, meta: [unit('b', 6.5)], rows: packRows([]) });
    await until(() => store.getState().seq === 9);
    expect(resyncs).toBe(1);
    expect([...store.getState().units.keys()].sort()).toEqual(['a', 'c']);
  });

  it('drops a malformed unit but keeps the rest of the message', async () => {
    const { store } = await connected((socket) => {
      const bad = { ...unit('bad', 6), last: { time: t0, lat: 95, lon: 31 } };
      socket.emit('units:snapshot', { seq: 1, time: t0, units: [unit('ok', 6)] });
      // A snapshot the contract rejects in part, sent as raw JSON past the typed emitter.
      (socket.emit as (ev: string, payload: unknown) => boolean)('units:snapshot', { seq: 2, time: t0, units: [unit('ok', 6), bad] });
    });
    await until(() => store.getState().seq === 2);
    expect([...store.getState().units.keys()]).toEqual(['ok']);
  });

  it('says reconnecting when the server goes away', async () => {
    const { server, store } = await connected(() => undefined);
    const seen: { state: string; downSince: number | null }[] = [];
    stops.push(store.subscribe((s) => seen.push({ state: s.link.state, downSince: s.link.downSince })));
    server.io.disconnectSockets(true);
    // It comes back within moments, so watch every state it passes through.
    await until(() => seen.some((s) => s.state === 'reconnecting') && store.getState().link.state === 'connected');
    expect(seen.find((s) => s.state === 'reconnecting')?.downSince).not.toBeNull();
    expect(store.getState().link.downSince).toBeNull();
  });
});

describe('startFeed when the server refuses', () => {
  it('tells the page why, so it can ask for a new sign-in', async () => {
    const server = await feedServer();
    server.io.use((_socket, next) => next(new Error('unauthenticated')));
    const reasons: string[] = [];
    const stop = startFeed(createOpsStore(), { url: server.url, browser: undefined, onRefused: (r) => reasons.push(r) });
    try {
      await until(() => reasons.length > 0);
      expect(reasons[0]).toBe('unauthenticated');
    } finally {
      stop();
      await server.close();
    }
  });
});
