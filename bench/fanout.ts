import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { PositionReportInput } from '../shared/positions.js';
import { loadMissionPack } from '../server/pack.js';
import { FromWorker, type FeedMode, type ToWorker, type WorkerStats } from './fanout/protocol.js';
import { stopProcess, track } from './support/children.js';
import { ReportGenerator, type GeneratorCounters } from './support/generator.js';
import { send, signIn, type Session } from './support/http.js';
import { loadNow } from './support/machine.js';
import { CpuMeter, cpuSecondsOf, rssOf } from './support/proc.js';
import { startServerMain } from './support/server-process.js';
import { envNumber, Histogram, int, quick, sleep } from './support/stats.js';
import { PatrolTraffic } from './support/traffic.js';

/**
 * Fan-out: N units reporting at 1 Hz through the real ingest path of the real server process
 * (`server/main.ts`), and M dashboards in separate worker processes, each a socket.io-client
 * connection with a session cookie. Measured per feed: ingest-to-screen latency (the fix's time,
 * stamped by the load generator as it posts, to the moment a dashboard decodes it), the server
 * process's CPU, and the bytes each dashboard receives per second. Baseline, in the same run and
 * for the same traffic: a minimal Socket.IO server that broadcasts every report as its own JSON
 * message (bench/fanout/baseline-server.ts).
 */

export interface FanoutOptions {
  units: number;
  clients: number;
  /** measured seconds per feed, after the warm-up */
  seconds: number;
  warmupSeconds: number;
  clientsPerWorker: number;
  /** the load generator's batch: the reports due in each slice this long go in one request */
  batchMs: number;
  /** TICK_MS values to run the product server with, one row each */
  ticks: number[];
  /** a feed whose server grows past this much memory is stopped early, MB */
  maxServerRssMb: number;
}

export function fanoutOptions(): FanoutOptions {
  const small = quick();
  const ticks = (process.env.FANOUT_TICKS ?? '200,500').split(',').map((t) => Number(t.trim()));
  if (ticks.some((t) => !Number.isInteger(t) || t < 50)) throw new Error(`FANOUT_TICKS=${process.env.FANOUT_TICKS}: expected whole milliseconds of at least 50, comma-separated`);
  return {
    units: envNumber('FANOUT_UNITS', small ? 200 : 2000),
    clients: envNumber('FANOUT_CLIENTS', small ? 20 : 200),
    seconds: envNumber('FANOUT_SECONDS', small ? 15 : 60),
    warmupSeconds: envNumber('FANOUT_WARMUP_SECONDS', small ? 5 : 10),
    clientsPerWorker: envNumber('FANOUT_CLIENTS_PER_WORKER', 25),
    batchMs: envNumber('FANOUT_BATCH_MS', 100),
    ticks,
    maxServerRssMb: envNumber('FANOUT_MAX_SERVER_RSS_MB', 3000),
  };
}

export interface FeedResult {
  feed: string;
  p50: number;
  p99: number;
  max: number;
  /** p99 of the part spent in the server, fix to the delta carrying it (compact feed only) */
  p99InServer: number;
  /** p99 of the part after sending, delta's time to decoding on the dashboard (compact feed only) */
  p99AfterSending: number;
  /** reports per second the server took (answered), of the units' rate */
  takenPerS: number;
  /** bytes received per position received, per dashboard */
  bytesPerPosition: number;
  serverCpu: number;
  clientsCpu: number;
  bytesPerClientPerS: number;
  messagesPerClientPerS: number;
  /** positions received by the dashboards over positions sent times dashboards */
  delivered: number;
  serverRssMb: number;
  measuredS: number;
  note: string;
}

const WORKER = join(import.meta.dirname, 'fanout', 'worker.ts');

/** A dashboard worker process and a way to ask it something. */
export class DashboardWorker {
  private readonly waiting: ((m: FromWorker) => void)[] = [];
  private failure: string | null = null;

  constructor(readonly child: ChildProcess) {
    child.on('message', (raw: unknown) => {
      const parsed = FromWorker.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'failed') this.failure = parsed.data.message;
      for (const w of this.waiting.splice(0)) w(parsed.data);
    });
    child.once('exit', (code) => {
      this.failure ??= `a dashboard worker exited (code ${code ?? 'signal'})`;
      for (const w of this.waiting.splice(0)) w({ type: 'failed', message: this.failure });
    });
  }

  static start(): DashboardWorker {
    return new DashboardWorker(track(fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
  }

  tell(message: ToWorker): void {
    this.child.send(message);
  }

  /** Sends and waits for the reply of the type expected, or fails with the worker's reason. */
  async ask<T extends FromWorker['type']>(message: ToWorker, expected: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
    if (this.failure) throw new Error(this.failure);
    const reply = new Promise<FromWorker>((resolve) => this.waiting.push(resolve));
    this.tell(message);
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([reply, new Promise<null>((r) => (timer = setTimeout(() => r(null), timeoutMs)))]);
    clearTimeout(timer);
    if (answer === null) throw new Error(`a dashboard worker did not answer "${message.type}" within ${Math.round(timeoutMs / 1000)} s`);
    if (answer.type === 'failed') throw new Error(answer.message);
    if (answer.type !== expected) throw new Error(`a dashboard worker answered "${answer.type}" to "${message.type}"`);
    return answer as Extract<FromWorker, { type: T }>;
  }
}

interface Target {
  feed: string;
  url: string;
  pid: number;
  mode: FeedMode;
  /** who posts the reports (an administrator's session, as a gateway would) */
  poster: Session | null;
  /** session cookies for the dashboards, one per worker (cycled) */
  cookies: (string | null)[];
}

/** Runs one feed: dashboards connected, the generator running, then the measured window. */
async function measureFeed(target: Target, traffic: PatrolTraffic, options: FanoutOptions, log: (line: string) => void): Promise<FeedResult> {
  const workerCount = Math.ceil(options.clients / options.clientsPerWorker);
  const workers: DashboardWorker[] = [];
  const generator = new ReportGenerator(
    traffic,
    async (reports: PositionReportInput[]) => {
      await send(target.url, 'POST', '/api/positions', target.poster, { reports });
    },
    { periodMs: 1000, batchMs: options.batchMs, maxInFlight: 20 },
  );
  try {
    for (let w = 0; w < workerCount; w += 1) workers.push(DashboardWorker.start());
    let left = options.clients;
    await Promise.all(
      workers.map((worker, w) => {
        const clients = Math.min(options.clientsPerWorker, left);
        left -= clients;
        return worker.ask({ type: 'connect', url: target.url, cookie: target.cookies[w % target.cookies.length] ?? null, clients, mode: target.mode }, 'connected', 180_000);
      }),
    );
    log(`  ${target.feed}: ${options.clients} dashboards connected in ${workerCount} processes; warming up ${options.warmupSeconds} s`);
    generator.start();
    await sleep(options.warmupSeconds * 1000);

    for (const w of workers) w.tell({ type: 'reset' });
    generator.resetCounters();
    const server = new CpuMeter(target.pid);
    server.start();
    const pids = workers.map((w) => w.child.pid ?? 0);
    const clientsCpu0 = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
    const started = performance.now();
    let peakRss = rssOf(target.pid);
    let note = '';
    while (performance.now() - started < options.seconds * 1000) {
      await sleep(1000);
      peakRss = Math.max(peakRss, rssOf(target.pid));
      if (peakRss > options.maxServerRssMb * 1024 * 1024) {
        note = `stopped after ${((performance.now() - started) / 1000).toFixed(0)} s: the server's memory passed ${options.maxServerRssMb} MB (messages queued for screens that cannot keep up)`;
        break;
      }
    }
    const cpu = server.read();
    const clientsCpu = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - clientsCpu0;
    const sentInWindow: GeneratorCounters = { ...generator.counters };
    const stats: WorkerStats[] = [];
    for (const w of workers) stats.push((await w.ask({ type: 'report' }, 'stats', 120_000)).stats);
    const measuredS = cpu.wallSeconds;
    await generator.stop();

    const histogram = new Histogram();
    const inServer = new Histogram();
    const afterSending = new Histogram();
    for (const s of stats) {
      histogram.add(s.histogram);
      inServer.add(s.inServer);
      afterSending.add(s.afterSending);
    }
    const total = (pick: (s: WorkerStats) => number) => stats.reduce((sum, s) => sum + pick(s), 0);
    const connected = total((s) => s.connected);
    if (connected < options.clients) note = [note, `${options.clients - connected} dashboards were disconnected`].filter(Boolean).join('; ');
    if (sentInWindow.failed > 0) note = [note, `${sentInWindow.failed} batches failed (${sentInWindow.lastError ?? ''})`].filter(Boolean).join('; ');
    if (sentInWindow.skipped > 0) note = [note, `${sentInWindow.skipped} batches not sent: 20 already waiting on the server`].filter(Boolean).join('; ');
    return {
      feed: target.feed,
      p50: histogram.quantile(0.5),
      p99: histogram.quantile(0.99),
      max: histogram.max(),
      p99InServer: inServer.quantile(0.99),
      p99AfterSending: afterSending.quantile(0.99),
      takenPerS: sentInWindow.reports / measuredS,
      bytesPerPosition: total((s) => s.fixes) > 0 ? total((s) => s.bytes) / total((s) => s.fixes) : NaN,
      serverCpu: cpu.percentOfCore,
      clientsCpu: (clientsCpu / measuredS) * 100,
      bytesPerClientPerS: total((s) => s.bytes) / options.clients / measuredS,
      messagesPerClientPerS: total((s) => s.messages) / options.clients / measuredS,
      delivered: sentInWindow.sent > 0 ? total((s) => s.fixes) / (sentInWindow.sent * options.clients) : NaN,
      serverRssMb: peakRss / 1024 / 1024,
      measuredS,
      note,
    };
  } finally {
    await generator.stop();
    await Promise.all(
      workers.map(async (w) => {
        if (w.child.connected) w.tell({ type: 'close' });
        await stopProcess(w.child, 5_000);
      }),
    );
  }
}

const ADMIN_PASSWORD = 'bench admin password 1';
const VIEWER_PASSWORD = 'bench wall password 1';

/** The product server for one TICK_MS: the same data folder each time, provisioned on the first start. */
async function productFeed(dataDir: string, tickMs: number, traffic: PatrolTraffic, options: FanoutOptions, provisioned: boolean, log: (line: string) => void): Promise<FeedResult> {
  const server = await startServerMain({
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    env: { TICK_MS: String(tickMs), LOGINS_PER_MINUTE: '1000', INGEST_PER_MINUTE: '1000000', CLIENT_DIR: join(dataDir, 'no-client') },
  });
  try {
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    if (!provisioned) {
      await send(server.url, 'POST', '/api/units', admin, { units: traffic.roster });
      await send(server.url, 'POST', '/api/admin/users', admin, { username: 'bench-wall', displayName: 'Benchmark wall', role: 'viewer', password: VIEWER_PASSWORD });
    }
    const workerCount = Math.ceil(options.clients / options.clientsPerWorker);
    const cookies: string[] = [];
    for (let w = 0; w < workerCount; w += 1) cookies.push((await signIn(server.url, 'bench-wall', VIEWER_PASSWORD)).cookie);
    return await measureFeed(
      { feed: `compact delta per tick (server/main.ts, TICK_MS=${tickMs})`, url: server.url, pid: server.pid, mode: 'compact', poster: admin, cookies },
      traffic,
      options,
      log,
    );
  } finally {
    await server.stop();
  }
}

const Listening = z.object({ type: z.literal('listening'), url: z.string() });

async function baselineFeed(traffic: PatrolTraffic, options: FanoutOptions, log: (line: string) => void): Promise<FeedResult> {
  const child = track(fork(join(import.meta.dirname, 'fanout', 'baseline-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.on('message', (raw: unknown) => {
        const parsed = Listening.safeParse(raw);
        if (parsed.success) resolve(parsed.data.url);
      });
      child.once('exit', (code) => reject(new Error(`the baseline server exited at start-up (code ${code ?? 'signal'})`)));
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error('the baseline server did not start');
    return await measureFeed({ feed: 'baseline: one JSON message per report, to every screen', url, pid, mode: 'baseline', poster: null, cookies: [null] }, traffic, options, log);
  } finally {
    await stopProcess(child, 5_000);
  }
}

const ms = (n: number) => (Number.isFinite(n) ? `${int(n)}` : '—');

/** Runs every feed and prints the table with its parameters. */
export async function fanoutBench(options: FanoutOptions = fanoutOptions(), log: (line: string) => void = console.log): Promise<FeedResult[]> {
  const pack = await loadMissionPack();
  const traffic = new PatrolTraffic(pack, options.units);
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-bench-fanout-'));
  const results: FeedResult[] = [];
  log(
    `Fan-out: ${int(options.units)} simulated units reporting at 1 Hz (each at its own moment in the second), posted by one gateway ` +
      `session in batches every ${options.batchMs} ms to POST /api/positions; ${int(options.clients)} dashboards (socket.io-client over WebSocket) in ` +
      `${Math.ceil(options.clients / options.clientsPerWorker)} worker processes of ${options.clientsPerWorker}; ${options.warmupSeconds} s warm-up, ` +
      `${options.seconds} s measured per feed; server and dashboards on this one machine. Product: server/main.ts with SQLite ` +
      `(synchronous=FULL) in a temporary folder; baseline: bench/fanout/baseline-server.ts, no store. Load average at start ${loadNow()}.`,
  );
  try {
    let provisioned = false;
    for (const tick of options.ticks) {
      results.push(await productFeed(dataDir, tick, traffic, options, provisioned, log));
      provisioned = true;
    }
    results.push(await baselineFeed(traffic, options, log));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const baseline = results[results.length - 1];
  const rows = results.map((r) => ({
    feed: r.feed,
    'latency p50 ms': ms(r.p50),
    'p99 ms': ms(r.p99),
    'p99 in server ms': ms(r.p99InServer),
    'p99 after sending ms': ms(r.p99AfterSending),
    'server CPU % of a core': r.serverCpu.toFixed(0),
    'reports/s taken': int(r.takenPerS),
    'bytes per position': r.bytesPerPosition.toFixed(1),
    'vs baseline': baseline && r !== baseline ? `${(baseline.bytesPerPosition / r.bytesPerPosition).toFixed(1)}× fewer` : '1.0×',
    'bytes/s per dashboard': int(r.bytesPerClientPerS),
    'msgs/s per dashboard': r.messagesPerClientPerS.toFixed(1),
    'positions delivered': Number.isFinite(r.delivered) ? `${(r.delivered * 100).toFixed(1)} %` : '—',
    'dashboards CPU %': r.clientsCpu.toFixed(0),
    'server RSS MB': r.serverRssMb.toFixed(0),
  }));
  console.table(rows);
  log(
    '  Latency: from the fix (stamped as the generator posts it) to its decoding on a dashboard, per position; "in server" is the fix to the ' +
      'delta that carried it, "after sending" the delta\'s time to its decoding (both compact feed only). Bytes: WebSocket frames as received, ' +
      'headers included; "vs baseline" compares bytes per position, which does not depend on how much of the traffic a server kept up with. ' +
      '"Positions delivered": positions decoded over positions posted in the window times dashboards (a compact delta carries only the newest fix of each unit).',
  );
  for (const r of results) if (r.note) log(`  ${r.feed}: ${r.note}`);
  log(`  load average at end ${loadNow()}`);
  return results;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await fanoutBench();
}
