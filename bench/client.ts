import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession } from 'playwright-core';
import { Server } from 'socket.io';
import { z } from 'zod';
import { build } from 'vite';
import type { ClientConfig } from '../shared/config.js';
import { encodeRow, packRows, type ServerToClientEvents, type UnitRow } from '../shared/feed.js';
import type { PositionReportInput } from '../shared/positions.js';
import type { Unit } from '../shared/units.js';
import { loadBasemapJson, loadMissionPack } from '../server/pack.js';
import { DEFAULT_POLICY } from '../server/tracking/status.js';
import { CLIENT_DIST, ensureClientBuilt } from '../scripts/client-build.js';
import { launchChromium } from '../tests/support/browser.js';
import { ReportGenerator } from './support/generator.js';
import { send, signIn } from './support/http.js';
import { loadNow } from './support/machine.js';
import { startServerMain } from './support/server-process.js';
import { envNumber, int, quick, sleep } from './support/stats.js';
import { PatrolTraffic } from './support/traffic.js';

/**
 * The client: main-thread time per update batch at N units in headless Chromium, measured by
 * Chromium itself (DevTools' Performance.getMetrics TaskDuration: every task on the page's main
 * thread, scripts, style, layout, MapLibre's own work on the main thread, garbage collection).
 *
 * A page built from the client's own modules (bench/client-page) gets the same traffic two ways
 * from a bench feed server: the compact delta per tick, handled as the dashboard handles it
 * (validate, UnitMirror, merge, one FeatureCollection per animation frame), and the baseline, one
 * message per position, each replacing the whole source's data. A third row runs the real built
 * client (dist/client) against server/main.ts with the same number of units reporting at 1 Hz.
 */

export interface ClientOptions {
  units: number;
  tickMs: number;
  seconds: number;
  warmupSeconds: number;
  /** run the whole built client against the real server too */
  realClient: boolean;
}

export function clientOptions(): ClientOptions {
  const small = quick();
  return {
    units: envNumber('CLIENT_UNITS', 2000),
    tickMs: envNumber('CLIENT_TICK_MS', 200),
    seconds: envNumber('CLIENT_SECONDS', small ? 10 : 30),
    warmupSeconds: envNumber('CLIENT_WARMUP_SECONDS', small ? 3 : 5),
    realClient: process.env.CLIENT_REAL !== '0',
  };
}

const PAGE_DIR = join(import.meta.dirname, 'client-page');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

type Mode = 'compact' | 'baseline' | 'idle';

interface BenchEvents extends ServerToClientEvents {
  'unit:moved': (unit: Unit) => void;
}

/**
 * Serves the built bench page and plays the traffic: every unit reports once a second at its own
 * moment; screens in the `compact` room get one delta per tick (rows encoded by the feed's own
 * encodeRow), screens in `baseline` one message per position with the unit's state.
 */
class BenchFeed {
  readonly http: HttpServer;
  private readonly io: Server<Record<string, never>, BenchEvents>;
  private readonly units: Unit[];
  private readonly dirty = new Set<number>();
  private seq = 0;
  private timers: NodeJS.Timeout[] = [];
  private lastScan = 0;
  private closed = false;
  ticks = 0;
  positions = 0;

  constructor(
    private readonly dir: string,
    private readonly traffic: PatrolTraffic,
    private readonly tickMs: number,
    basemapJson: string,
    config: ClientConfig,
  ) {
    const now = Date.now();
    this.units = traffic.roster.map((reg, i) => ({ ...reg, activity: 'on-patrol', status: 'live', last: this.fixOf(traffic.reportAt(i, now - 1000)) }));
    this.http = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/basemap.json') return void res.writeHead(200, { 'content-type': TYPES['.json'] ?? '' }).end(basemapJson);
      if (path === '/config.json') return void res.writeHead(200, { 'content-type': TYPES['.json'] ?? '' }).end(JSON.stringify(config));
      const file = normalize(join(this.dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(this.dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    this.io = new Server(this.http, { serveClient: false });
    this.io.on('connection', (socket) => {
      const mode = socket.handshake.query.mode;
      if (mode === 'compact' || mode === 'baseline') void socket.join(mode);
      socket.emit('units:snapshot', { seq: this.seq, time: Date.now(), units: this.units.map((u, key) => ({ ...u, key })) });
    });
  }

  private fixOf(r: PositionReportInput): Unit['last'] {
    if (typeof r.time !== 'number') throw new Error('the benchmark stamps reports in epoch ms');
    return { time: r.time, lat: r.lat, lon: r.lon, speed: r.speed, heading: r.heading, accuracy: r.accuracy, battery: r.battery };
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', () => resolve()));
    const { port } = this.http.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  start(): void {
    this.lastScan = Date.now();
    // Every 10 ms: the units whose moment in the second has come report.
    this.timers.push(setInterval(() => this.scan(), 10));
    this.timers.push(setInterval(() => this.tick(), this.tickMs));
  }

  private scan(): void {
    const now = Date.now();
    const from = this.lastScan % 1000;
    const to = now % 1000;
    this.lastScan = now;
    const due = to >= from ? this.traffic.dueBetween(from, to, 1000) : [...this.traffic.dueBetween(from, 1000, 1000), ...this.traffic.dueBetween(0, to, 1000)];
    for (const i of due) {
      const unit = this.units[i];
      if (!unit) continue;
      unit.last = this.fixOf(this.traffic.reportAt(i, now));
      this.positions += 1;
      this.dirty.add(i);
      this.io.to('baseline').emit('unit:moved', unit);
    }
  }

  private tick(): void {
    const time = Date.now();
    const rows: UnitRow[] = [];
    for (const i of this.dirty) {
      const unit = this.units[i];
      if (unit) rows.push(encodeRow(i, unit, time));
    }
    this.dirty.clear();
    this.ticks += 1;
    if (rows.length === 0) return;
    const prev = this.seq;
    this.seq += 1;
    this.io.to('compact').emit('units:delta', { seq: this.seq, prev, time, meta: [], rows: packRows(rows) });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.io.close();
  }
}

interface Metrics {
  task: number;
  script: number;
  layout: number;
  style: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

interface Counters {
  /** feed messages the page handled */
  messages: number;
  /** unit positions the page applied */
  positions: number;
  /** times the units source was given new data; null where the page does not say */
  draws: number | null;
  /** milliseconds in the page's message handlers and draws (its own clock); null where it does not say */
  jsMs: number | null;
  /** the longest single handler or draw in the window, ms; null where the page does not say */
  maxMs: number | null;
  /** positions the server sent to each screen */
  sent: number;
}

interface ClientRow {
  client: string;
  windowS: number;
  taskMs: number;
  scriptMs: number;
  c: Counters;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Main-thread time over the window from the page's DevTools session, in thread time (what the
 * thread itself ran, not the time it waited for a core on a loaded machine), with the counters
 * read at the same two moments.
 */
async function measurePage(cdp: CDPSession, seconds: number, counters: () => Promise<Counters>): Promise<{ m: Metrics; windowS: number; c: Counters }> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const m0 = await metrics(cdp);
  const c0 = await counters();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const m1 = await metrics(cdp);
  const c1 = await counters();
  const windowS = (performance.now() - t0) / 1000;
  return {
    m: { task: m1.task - m0.task, script: m1.script - m0.script, layout: m1.layout - m0.layout, style: m1.style - m0.style },
    windowS,
    c: {
      messages: c1.messages - c0.messages,
      positions: c1.positions - c0.positions,
      draws: minus(c1.draws, c0.draws),
      jsMs: minus(c1.jsMs, c0.jsMs),
      maxMs: c1.maxMs,
      sent: c1.sent - c0.sent,
    },
  };
}

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  dur: z.number().optional(),
  tdur: z.number().optional(),
  args: z.object({ name: z.string().optional() }).passthrough().optional(),
});
type TraceEvent = z.infer<typeof TraceEvent>;

/**
 * CLIENT_TRACE=1: a DevTools trace of a few seconds, and the page main thread's time by trace event
 * name (thread time, nested events counted in each of their parents too), to say where the time goes.
 */
async function traceBreakdown(cdp: CDPSession, seconds: number): Promise<string> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const raw of value) {
      const parsed = TraceEvent.safeParse(raw);
      if (parsed.success) events.push(parsed.data);
    }
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc', transferMode: 'ReportEvents' });
  await sleep(seconds * 1000);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The busiest renderer main thread is this page's.
  const busiest = mains
    .map((m) => ({ m, total: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) }))
    .sort((a, b) => b.total - a.total)[0];
  if (!busiest) return 'no main thread in the trace';
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== busiest.m.pid || e.tid !== busiest.m.tid || e.ph !== 'X') continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0));
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([name, us]) => `${name} ${(us / 1000 / seconds).toFixed(1)} ms/s`)
    .join(', ');
}

async function benchPageRow(browser: Browser, url: string, feed: BenchFeed, mode: Mode, label: string, options: ClientOptions): Promise<ClientRow> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/?mode=${mode}`);
    await page.waitForFunction(() => window.__bench.ready || window.__bench.error !== null, null, { timeout: 180_000 });
    const error = await page.evaluate(() => window.__bench.error);
    if (error) throw new Error(`the bench page failed: ${error}`);
    await sleep(options.warmupSeconds * 1000);
    const cdp = await context.newCDPSession(page);
    const r = await measurePage(cdp, options.seconds, async () => {
      const sent = mode === 'idle' ? 0 : feed.positions;
      const b = await page.evaluate(() => {
        const now = { ...window.__bench };
        window.__bench.maxMs = 0;
        return now;
      });
      return { messages: b.messages, positions: b.positions, draws: b.draws, jsMs: b.jsMs, maxMs: b.maxMs, sent };
    });
    if (errors.length > 0) throw new Error(`the bench page threw: ${errors.join('; ')}`);
    if (mode !== 'idle' && process.env.CLIENT_TRACE === '1') console.log(`  ${label}, where the main thread goes: ${await traceBreakdown(cdp, 5)}`);
    return { client: label, windowS: r.windowS, taskMs: r.m.task, scriptMs: r.m.script, c: r.c };
  } finally {
    await context.close();
  }
}

/** The whole built client on server/main.ts, the units reporting at 1 Hz through POST /api/positions. */
async function realClientRow(browser: Browser, traffic: PatrolTraffic, options: ClientOptions, log: (line: string) => void): Promise<ClientRow> {
  await ensureClientBuilt(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-bench-client-'));
  const adminPassword = 'bench admin password 1';
  const server = await startServerMain({ dataDir, adminPassword, env: { CLIENT_DIR: CLIENT_DIST, TICK_MS: String(options.tickMs), LOGINS_PER_MINUTE: '1000', INGEST_PER_MINUTE: '1000000' } });
  let generator: ReportGenerator | null = null;
  try {
    const admin = await signIn(server.url, 'admin', adminPassword);
    await send(server.url, 'POST', '/api/units', admin, { units: traffic.roster });
    const password = 'bench commander password 1';
    await send(server.url, 'POST', '/api/admin/users', admin, { username: 'bench-commander', displayName: 'Benchmark commander', role: 'commander', password });
    const commander = await signIn(server.url, 'bench-commander', password);
    let posted = 0;
    generator = new ReportGenerator(
      traffic,
      async (reports) => {
        await send(server.url, 'POST', '/api/positions', admin, { reports });
        posted += reports.length;
      },
      { periodMs: 1000, batchMs: 100, maxInFlight: 20 },
    );
    generator.start();
    await sleep(2000);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const [name, value] = commander.cookie.split('=');
      await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/?test=1`);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 180_000 });
      await sleep(options.warmupSeconds * 1000);
      const cdp = await context.newCDPSession(page);
      // Deltas and the positions in them, counted off the WebSocket as DevTools sees it arrive.
      let deltas = 0;
      let rows = 0;
      await cdp.send('Network.enable');
      cdp.on('Network.webSocketFrameReceived', (e) => {
        const payload = e.response.payloadData;
        if (!payload.startsWith('42["units:delta"')) return;
        deltas += 1;
        const parsed = UnitsDeltaFrame.safeParse(JSON.parse(payload.slice(2)) as unknown);
        if (parsed.success) rows += parsed.data[1].rows.length;
      });
      const r = await measurePage(cdp, options.seconds, () => Promise.resolve({ messages: deltas, positions: rows, draws: null, jsMs: null, maxMs: null, sent: posted }));
      await page.screenshot({ path: join(tmpdir(), 'bench-client-real.png') });
      return { client: `the built client (dist/client, whole app) on server/main.ts, TICK_MS=${options.tickMs}`, windowS: r.windowS, taskMs: r.m.task, scriptMs: r.m.script, c: r.c };
    } finally {
      await context.close();
    }
  } finally {
    await generator?.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const UnitsDeltaFrame = z.tuple([z.literal('units:delta'), z.object({ rows: z.array(z.unknown()) })]);

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

export async function clientBench(options: ClientOptions = clientOptions(), log: (line: string) => void = console.log): Promise<ClientRow[]> {
  const pack = await loadMissionPack();
  const traffic = new PatrolTraffic(pack, options.units);
  const outDir = mkdtempSync(join(tmpdir(), 'ops-bench-client-page-'));
  log(
    `Client: ${int(options.units)} units, each reporting once a second; one update batch = one tick of ${options.tickMs} ms ` +
      `(about ${int((options.units * options.tickMs) / 1000)} units changed); headless Chromium (${'software WebGL, SwiftShader'}), 1920×1080, ` +
      `the whole of South Sudan in view; ${options.warmupSeconds} s warm-up then ${options.seconds} s measured per row. Main-thread time is ` +
      `Chromium's TaskDuration (all tasks on the page's main thread). Load average at start ${loadNow()}.`,
  );
  log('  building the bench page (bench/client-page) with Vite…');
  await build({ root: PAGE_DIR, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 } });

  const thresholds = DEFAULT_POLICY.thresholds;
  const seconds = (t: { staleAfterMs: number; lostAfterMs: number }) => ({ staleAfterS: t.staleAfterMs / 1000, lostAfterS: t.lostAfterMs / 1000 });
  const config: ClientConfig = {
    tickMs: options.tickMs,
    staleAfterS: Math.min(...Object.values(thresholds).map((t) => t.staleAfterMs)) / 1000,
    lostAfterS: Math.min(...Object.values(thresholds).map((t) => t.lostAfterMs)) / 1000,
    thresholds: {
      'fpu-vehicle': seconds(thresholds['fpu-vehicle']),
      'ipo-foot': seconds(thresholds['ipo-foot']),
      'joint-patrol': seconds(thresholds['joint-patrol']),
      'static-post': seconds(thresholds['static-post']),
    },
  };
  const feed = new BenchFeed(outDir, traffic, options.tickMs, await loadBasemapJson(), config);
  const url = await feed.listen();
  feed.start();
  const browser = await launchChromium();
  const rows: ClientRow[] = [];
  try {
    rows.push(await benchPageRow(browser, url, feed, 'idle', 'reference: the same page with no updates (map idle)', options));
    rows.push(await benchPageRow(browser, url, feed, 'baseline', 'baseline: a message per position, whole source replaced per message', options));
    rows.push(await benchPageRow(browser, url, feed, 'compact', 'delta per tick, one FeatureCollection per frame (client code)', options));
    await feed.close();
    if (options.realClient) rows.push(await realClientRow(browser, traffic, options, log));
  } finally {
    await browser.close();
    await feed.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  // A batch is one tick's worth of positions; main-thread time is per position applied, times that.
  const perBatchPositions = (options.units * options.tickMs) / 1000;
  const batchesIn = (r: ClientRow) => (r.c.positions > 0 ? r.c.positions / perBatchPositions : r.windowS / (options.tickMs / 1000));
  const perBatch = (r: ClientRow, ms: number) => ms / batchesIn(r);
  const baseline = rows[1];
  const table = rows.map((r, i) => ({
    client: r.client,
    'main-thread ms per batch': f1(perBatch(r, r.taskMs)),
    'vs baseline': baseline && i >= 2 ? `${(perBatch(baseline, baseline.taskMs) / perBatch(r, r.taskMs)).toFixed(1)}× less` : r === baseline ? '1.0×' : '—',
    'of which script': f1(perBatch(r, r.scriptMs)),
    'longest handler or draw ms': r.c.maxMs === null ? '—' : f1(r.c.maxMs),
    'main thread busy': `${((r.taskMs / 1000 / r.windowS) * 100).toFixed(0)} %`,
    'positions applied / sent per s': `${int(r.c.positions / r.windowS)} / ${int(r.c.sent / r.windowS)}`,
    'messages/s': f1(r.c.messages / r.windowS),
    'setData/s': r.c.draws === null ? '—' : f1(r.c.draws / r.windowS),
  }));
  console.table(table);
  log(`  load average at end ${loadNow()}`);
  return rows;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await clientBench();
}
