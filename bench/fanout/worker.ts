import { io as connect, type Socket } from 'socket.io-client';
import { UnitsDelta, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/feed.js';
import type { PositionReportInput } from '../../shared/positions.js';
import { ToWorker, type FromWorker, type WorkerStats } from './protocol.js';

/**
 * One process holding a share of the benchmark's dashboards: each a real socket.io-client
 * connection over WebSocket. For every position it receives it notes the time from the fix
 * (stamped by the load generator when it sent the report, on the same machine's clock) to its
 * arrival here, and it counts every WebSocket frame's bytes. It decodes the feed as far as
 * reading each position's time, and draws nothing: drawing is the client benchmark's part.
 */

interface BaselineEvents {
  position: (report: PositionReportInput) => void;
}

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type BaselineSocket = Socket<BaselineEvents, Record<string, never>>;

let sockets: (FeedSocket | BaselineSocket)[] = [];
let histogram = new Map<number, number>();
let inServer = new Map<number, number>();
let afterSending = new Map<number, number>();
let messages = 0;
let fixes = 0;
let bytes = 0;
let disconnects = 0;

function reply(message: FromWorker): void {
  process.send?.(message);
}

/** WebSocket frame header from the server: 2 bytes, 4 from 126 bytes of payload, 10 from 64 KiB. */
const frameHeader = (payload: number) => (payload < 126 ? 2 : payload < 65_536 ? 4 : 10);

function countFrames(socket: FeedSocket | BaselineSocket): void {
  socket.io.engine.on('packet', (packet) => {
    const data: unknown = packet.data;
    // An engine.io frame is its type digit then its data.
    const payload = 1 + (typeof data === 'string' ? Buffer.byteLength(data) : data instanceof ArrayBuffer ? data.byteLength : Buffer.isBuffer(data) ? data.length : 0);
    bytes += payload + frameHeader(payload);
  });
}

function count(into: Map<number, number>, ms: number): void {
  const whole = Math.max(0, Math.round(ms));
  into.set(whole, (into.get(whole) ?? 0) + 1);
}

function note(fixTime: number, now: number): void {
  count(histogram, now - fixTime);
  fixes += 1;
}

function open(url: string, cookie: string | null): { socket: FeedSocket; ready: Promise<void> } {
  const socket: FeedSocket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('units:snapshot', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  socket.on('connect', () => countFrames(socket));
  socket.on('units:delta', (raw: unknown) => {
    const now = Date.now();
    // As a screen does: the packed rows read back, checked.
    const delta = UnitsDelta.parse(raw);
    messages += 1;
    for (const row of delta.rows) {
      const dt = row[1];
      if (dt === null) continue;
      note(delta.time + dt, now);
      // dt is the fix's time less the delta's: how long the server held the position.
      count(inServer, -dt);
      count(afterSending, now - delta.time);
    }
  });
  socket.on('disconnect', () => (disconnects += 1));
  return { socket, ready };
}

function openBaseline(url: string): { socket: BaselineSocket; ready: Promise<void> } {
  const socket: BaselineSocket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  socket.on('connect', () => countFrames(socket));
  socket.on('position', (report) => {
    const now = Date.now();
    messages += 1;
    if (typeof report.time === 'number') note(report.time, now);
  });
  socket.on('disconnect', () => (disconnects += 1));
  return { socket, ready };
}

function stats(): WorkerStats {
  return {
    clients: sockets.length,
    connected: sockets.filter((s) => s.connected).length,
    disconnects,
    messages,
    fixes,
    bytes,
    histogram: [...histogram.entries()],
    inServer: [...inServer.entries()],
    afterSending: [...afterSending.entries()],
  };
}

function reset(): void {
  histogram = new Map();
  inServer = new Map();
  afterSending = new Map();
  messages = 0;
  fixes = 0;
  bytes = 0;
}

process.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    reply({ type: 'failed', message: `the worker got a message it does not know: ${JSON.stringify(raw).slice(0, 200)}` });
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'connect': {
      const opened = Array.from({ length: message.clients }, () =>
        message.mode === 'compact' ? open(message.url, message.cookie) : openBaseline(message.url),
      );
      sockets = opened.map((o) => o.socket);
      Promise.all(opened.map((o) => o.ready))
        .then(() => reply({ type: 'connected', clients: sockets.length }))
        .catch((err: unknown) => reply({ type: 'failed', message: `a dashboard could not connect: ${err instanceof Error ? err.message : String(err)}` }));
      break;
    }
    case 'reset':
      reset();
      break;
    case 'report':
      reply({ type: 'stats', stats: stats() });
      break;
    case 'close':
      for (const s of sockets) s.disconnect();
      setTimeout(() => process.exit(0), 100);
      break;
  }
});

// The benchmark went away without saying so: nothing is left behind.
process.on('disconnect', () => process.exit(0));
