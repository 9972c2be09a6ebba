import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import type { PositionReportInput } from '../shared/positions.js';
import type { UnitRegistration } from '../shared/units.js';
import { createApp, DEFAULT_APP_CONFIG, type App } from '../server/app.js';
import { systemClock } from '../server/clock.js';
import { openPostgres, openSqlite, type Db } from '../server/db/open.js';
import { ingestPositions } from '../server/ingest/pipeline.js';
import { loadBasemapJson, loadMissionPack } from '../server/pack.js';
import { ReplayService } from '../server/replay/service.js';
import type { HistoryRow, LatestUpdate } from '../server/store/store.js';
import { KyselyTrackingStore } from '../server/store/tracking.js';
import { DEFAULT_POLICY } from '../server/tracking/status.js';
import { buildSiteIndex } from '../geo/rules/index.js';
import { startPostgresCluster, type PostgresCluster } from '../tests/support/postgres.js';
import { signIn, type Session } from './support/http.js';
import { loadNow } from './support/machine.js';
import { envNumber, int, median, quick } from './support/stats.js';
import { PatrolTraffic } from './support/traffic.js';

/**
 * The store: sustained positions per second written to SQLite and to PostgreSQL, and replay of
 * one hour of 1,000 units from what was written. Each measurement gets a database of its own.
 *
 *  - baseline: a plain loop, one INSERT per fix, each its own transaction;
 *  - the store alone: KyselyTrackingStore.appendPositions, a batch per call, as the tracker calls it;
 *  - the ingest path: the whole server (createApp) minus HTTP: ingestPositions validates each
 *    batch, the tracker checks and stores it, and the early-warning rules, patrol watcher and
 *    feed hub hear of every unit that moved. This one writes the hour that replay then reads.
 */

export interface StoreOptions {
  units: number;
  /** each unit reports once in this many seconds over the hour */
  everyS: number;
  batch: number;
  /** batches in flight at once (several gateways) */
  senders: number;
  /** seconds the one-INSERT-per-fix baseline runs for */
  baselineSeconds: number;
  /** fixes written through the store alone */
  storeAloneFixes: number;
  /** times each replay query is asked */
  repeats: number;
}

export function storeOptions(): StoreOptions {
  const small = quick();
  return {
    units: envNumber('STORE_UNITS', 1000),
    everyS: envNumber('STORE_EVERY_S', small ? 30 : 10),
    batch: envNumber('STORE_BATCH', 500),
    senders: envNumber('STORE_SENDERS', 4),
    baselineSeconds: envNumber('STORE_BASELINE_SECONDS', small ? 3 : 5),
    storeAloneFixes: envNumber('STORE_ALONE_FIXES', small ? 30_000 : 100_000),
    repeats: envNumber('STORE_REPEATS', small ? 3 : 5),
  };
}

const HOUR = 3600_000;

/** One hour of reports, oldest first: unit i at its own offset in every period of `everyS`. */
function hourOfReports(traffic: PatrolTraffic, from: number, everyS: number): PositionReportInput[] {
  const period = everyS * 1000;
  const order = Array.from({ length: traffic.size }, (_, i) => i).sort((a, b) => traffic.offsetOf(a, period) - traffic.offsetOf(b, period));
  const reports: PositionReportInput[] = [];
  for (let start = from; start < from + HOUR; start += period) {
    for (const i of order) reports.push(traffic.reportAt(i, start + traffic.offsetOf(i, period)));
  }
  return reports;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` on every batch with at most `senders` at once; seconds taken. */
async function pool<T>(items: readonly T[], senders: number, work: (item: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await work(item);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** What the tracker hands the store for a batch: every fix for history, the newest per unit as live. */
function storeBatch(reports: readonly PositionReportInput[]): { rows: HistoryRow[]; latest: LatestUpdate[] } {
  const rows: HistoryRow[] = [];
  const newest = new Map<string, LatestUpdate>();
  for (const r of reports) {
    if (typeof r.time !== 'number') throw new Error('the benchmark stamps reports in epoch ms');
    const clean: HistoryRow['fix'] = { time: r.time, lat: r.lat, lon: r.lon };
    if (r.speed !== undefined) clean.speed = r.speed;
    if (r.heading !== undefined) clean.heading = r.heading;
    if (r.accuracy !== undefined) clean.accuracy = r.accuracy;
    if (r.battery !== undefined) clean.battery = r.battery;
    rows.push({ unitId: r.unitId, fix: clean });
    const best = newest.get(r.unitId);
    if (!best || r.time > best.fix.time) newest.set(r.unitId, { unitId: r.unitId, fix: clean, activity: r.activity ?? 'on-patrol' });
  }
  return { rows, latest: [...newest.values()] };
}

/** The plain loop: one INSERT per fix, each committed on its own, for `seconds`. */
async function baselineInserts(db: Db, roster: readonly UnitRegistration[], reports: readonly PositionReportInput[], seconds: number): Promise<number> {
  await new KyselyTrackingStore(db).upsertUnits(roster);
  const started = performance.now();
  let n = 0;
  while (n < reports.length && performance.now() - started < seconds * 1000) {
    const r = reports[n];
    if (!r || typeof r.time !== 'number') break;
    await db
      .insertInto('positions')
      .values({ unit_id: r.unitId, time: r.time, lat: r.lat, lon: r.lon, speed: r.speed ?? null, heading: r.heading ?? null, accuracy: r.accuracy ?? null, altitude: null, battery: r.battery ?? null, implausible: null, stale_at: null })
      .execute();
    n += 1;
  }
  return n / ((performance.now() - started) / 1000);
}

async function storeAlone(db: Db, roster: readonly UnitRegistration[], reports: readonly PositionReportInput[], options: StoreOptions): Promise<number> {
  const store = new KyselyTrackingStore(db);
  await store.upsertUnits(roster);
  const work = batches(reports, options.batch).map(storeBatch);
  const seconds = await pool(work, options.senders, async (b) => {
    await store.appendPositions(b.rows, b.latest);
  });
  return reports.length / seconds;
}

async function openApp(db: Db): Promise<App> {
  return createApp({
    db,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    pack: await loadMissionPack(),
    basemapJson: await loadBasemapJson(),
    config: { ...DEFAULT_APP_CONFIG, loginsPerMinute: 1000 },
  });
}

async function ingestPath(app: App, roster: readonly UnitRegistration[], reports: readonly PositionReportInput[], options: StoreOptions): Promise<{ perSecond: number; accepted: number }> {
  await app.tracker.register(roster);
  let accepted = 0;
  const seconds = await pool(batches(reports, options.batch), options.senders, async (b) => {
    const reply = await ingestPositions(app.tracker, { kind: 'trusted' }, b);
    if (!reply.ok) throw new Error(`the ingest path refused a batch: ${reply.message}`);
    accepted += reply.result.accepted;
  });
  return { perSecond: reports.length / seconds, accepted };
}

interface Timed {
  ms: number[];
  /** the JSON answer's size */
  bytes: number;
  /** as it crossed the wire (gzip) */
  wireBytes: number;
  fixes: number;
}

/**
 * One GET on a fresh connection (no keep-alive: the benchmark's own process also runs the
 * server, and a connection closed while a long query held the thread must not be reused), the
 * answer gzip-compressed as a browser asks for it; the time runs to the whole body, unpacked.
 */
function getOnce(url: string, cookie: string): Promise<{ ms: number; status: number; wire: number; text: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpGet(url, { agent: false, headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, wire: body.length, text });
      });
    });
    req.on('error', (err) => reject(new Error(`GET ${url.replace(/^https?:\/\/[^/]+/, '')} failed: ${err.message}`)));
  });
}

async function timeGet(url: string, session: Session, repeats: number, count: (body: unknown) => number): Promise<Timed> {
  const timed: Timed = { ms: [], bytes: 0, wireBytes: 0, fixes: 0 };
  for (let i = 0; i < repeats; i += 1) {
    const answer = await getOnce(url, session.cookie);
    if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    timed.ms.push(answer.ms);
    timed.bytes = Buffer.byteLength(answer.text);
    timed.wireBytes = answer.wire;
    timed.fixes = count(JSON.parse(answer.text) as unknown);
  }
  return timed;
}

const fixesInTracks = (body: unknown): number => {
  const units = (body as { data?: { units?: { fixes: unknown[] }[] } }).data?.units ?? [];
  return units.reduce((sum, u) => sum + u.fixes.length, 0);
};
const unitsInState = (body: unknown): number => (body as { data?: { units?: unknown[] } }).data?.units?.length ?? 0;
const fixesInTrack = (body: unknown): number => (body as { data?: { fixes?: unknown[] } }).data?.fixes?.length ?? 0;

interface ReplayRow {
  query: string;
  timed: Timed;
}

async function replayQueries(app: App, db: Db, roster: readonly UnitRegistration[], from: number, options: StoreOptions): Promise<ReplayRow[]> {
  const url = await app.listen(0, '127.0.0.1');
  const password = 'bench viewer password 1';
  await app.accounts.createUser({ username: 'bench-viewer', displayName: 'Benchmark viewer', role: 'viewer', sensitive: false, password }, 'bench');
  const session = await signIn(url, 'bench-viewer', password);
  const to = from + HOUR;
  const rows: ReplayRow[] = [];

  // Baseline: what a screen would do without replay's own query, one track request per unit.
  const started = performance.now();
  let fixes = 0;
  let bytes = 0;
  let wireBytes = 0;
  for (const unit of roster) {
    const t = await timeGet(`${url}/api/units/${encodeURIComponent(unit.id)}/track?from=${from}&to=${to}&limit=100000`, session, 1, fixesInTrack);
    fixes += t.fixes;
    bytes += t.bytes;
    wireBytes += t.wireBytes;
  }
  rows.push({ query: `baseline: GET /api/units/:id/track, one hour, for each of the ${roster.length} units in turn`, timed: { ms: [performance.now() - started], bytes, wireBytes, fixes } });

  rows.push({
    query: 'GET /api/replay/tracks, one hour, everyS=10 (as the replay screen asks at 60×)',
    timed: await timeGet(`${url}/api/replay/tracks?from=${from}&to=${to}&everyS=10`, session, options.repeats, fixesInTracks),
  });
  const pack = await loadMissionPack();
  const service = new ReplayService(db, systemClock, { hours: 24, tracking: DEFAULT_POLICY, offices: pack.fieldOffices.features, sites: buildSiteIndex(pack) });
  const direct: number[] = [];
  let directFixes = 0;
  for (let i = 0; i < options.repeats; i += 1) {
    const t0 = performance.now();
    const tracks = await service.tracks(from, to, 10, false);
    direct.push(performance.now() - t0);
    directFixes = tracks.units.reduce((sum, u) => sum + u.fixes.length, 0);
  }
  rows.push({ query: '  of which the query and its assembly (ReplayService.tracks, no HTTP)', timed: { ms: direct, bytes: NaN, wireBytes: NaN, fixes: directFixes } });
  rows.push({
    query: 'GET /api/replay/state, the picture at the half hour',
    timed: await timeGet(`${url}/api/replay/state?at=${from + HOUR / 2}`, session, options.repeats, unitsInState),
  });
  return rows;
}

interface StoreResult {
  store: string;
  available: string | null;
  baseline: number;
  alone: number;
  ingest: number;
  replay: ReplayRow[];
}

interface Backend {
  name: string;
  settings: string;
  open(name: string): Promise<Db>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-bench-store-'));
  return {
    name: 'SQLite',
    settings: `better-sqlite3 file in ${tmpdir()}, WAL, synchronous=FULL (as the server opens it)`,
    open: (name) => openSqlite(join(dir, `${name}.sqlite`)),
    close: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function postgresBackend(log: (line: string) => void): Promise<Backend> {
  const cluster: PostgresCluster = await startPostgresCluster(log);
  const version = await (async () => {
    const client = new pg.Client({ connectionString: cluster.url('postgres') });
    await client.connect();
    try {
      return String((await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?');
    } finally {
      await client.end();
    }
  })();
  return {
    name: 'PostgreSQL',
    settings:
      `PostgreSQL ${version}, the test suite's throwaway cluster (tests/support/postgres.ts) on 127.0.0.1 over TCP, pool of 10: ` +
      `it runs with fsync=off and synchronous_commit=off, so it never waits for the disk (an upper bound; SQLite here does)`,
    async open(name) {
      const client = new pg.Client({ connectionString: cluster.url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      // A connection still closing when the cluster stops at the end is of no concern.
      return openPostgres(cluster.url(name), { poolSize: 10, onConnectionError: () => undefined });
    },
    close: () => cluster.stop(),
  };
}

async function measureStore(backend: Backend, traffic: PatrolTraffic, reports: readonly PositionReportInput[], from: number, options: StoreOptions, log: (line: string) => void): Promise<StoreResult> {
  const result: StoreResult = { store: backend.name, available: null, baseline: NaN, alone: NaN, ingest: NaN, replay: [] };
  log(`  ${backend.name}: ${backend.settings}`);
  const a = await backend.open('bench_baseline');
  try {
    result.baseline = await baselineInserts(a, traffic.roster, reports, options.baselineSeconds);
  } finally {
    await a.destroy();
  }
  const b = await backend.open('bench_store');
  try {
    result.alone = await storeAlone(b, traffic.roster, reports.slice(0, options.storeAloneFixes), options);
  } finally {
    await b.destroy();
  }
  const c = await backend.open('bench_ingest');
  const app = await openApp(c);
  try {
    const ingest = await ingestPath(app, traffic.roster, reports, options);
    if (ingest.accepted !== reports.length) log(`  ${backend.name}: ${reports.length - ingest.accepted} of ${reports.length} fixes were not stored as new`);
    result.ingest = ingest.perSecond;
    result.replay = await replayQueries(app, c, traffic.roster, from, options);
  } finally {
    await app.close();
    await c.destroy();
  }
  return result;
}

const mib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);
const rate = (n: number) => (Number.isFinite(n) ? int(n) : '—');

export async function storeBench(options: StoreOptions = storeOptions(), log: (line: string) => void = console.log): Promise<StoreResult[]> {
  const pack = await loadMissionPack();
  const traffic = new PatrolTraffic(pack, options.units);
  // The hour replayed ends two minutes ago: well inside what replay keeps.
  const from = Math.floor((Date.now() - 2 * 60_000 - HOUR) / 1000) * 1000;
  const reports = hourOfReports(traffic, from, options.everyS);
  log(
    `Store: ${int(options.units)} simulated units, one fix each every ${options.everyS} s for one hour (${int(reports.length)} fixes, ` +
      `${new Date(from).toISOString().slice(11, 16)}–${new Date(from + HOUR).toISOString().slice(11, 16)} UTC), in batches of ${options.batch} ` +
      `with ${options.senders} batches in flight; baseline ${options.baselineSeconds} s of one INSERT per fix; the store alone on the first ` +
      `${int(Math.min(options.storeAloneFixes, reports.length))} fixes; replay queries asked ${options.repeats} times (median, best). Load average at start ${loadNow()}.`,
  );

  const results: StoreResult[] = [];
  const wanted = (process.env.STORE_BACKENDS ?? 'sqlite,postgres').split(',').map((b) => b.trim().toLowerCase());
  if (wanted.includes('sqlite')) {
    const backend = await sqliteBackend();
    try {
      results.push(await measureStore(backend, traffic, reports, from, options, log));
    } finally {
      await backend.close();
    }
  }
  if (wanted.includes('postgres')) {
    // Only a cluster that cannot be had makes the rows "not available"; a failure once it runs is a failure.
    let backend: Backend | null = null;
    try {
      backend = await postgresBackend(log);
    } catch (err) {
      const reason = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
      results.push({ store: 'PostgreSQL', available: reason, baseline: NaN, alone: NaN, ingest: NaN, replay: [] });
    }
    if (backend) {
      try {
        results.push(await measureStore(backend, traffic, reports, from, options, log));
      } finally {
        await backend.close();
      }
    }
  }

  const rows = results.flatMap((r) => {
    if (r.available !== null) return [{ store: r.store, path: `not available: ${r.available}`, 'positions/s': '—', 'vs baseline': '—' }];
    const vs = (n: number) => (Number.isFinite(n) && Number.isFinite(r.baseline) ? `${(n / r.baseline).toFixed(1)}×` : '—');
    return [
      { store: r.store, path: 'baseline: one INSERT per fix, each its own transaction', 'positions/s': rate(r.baseline), 'vs baseline': '1.0×' },
      { store: r.store, path: `the store alone: appendPositions, ${options.batch} fixes a call`, 'positions/s': rate(r.alone), 'vs baseline': vs(r.alone) },
      { store: r.store, path: 'the ingest path: validation, tracker, rules, store (no HTTP)', 'positions/s': rate(r.ingest), 'vs baseline': vs(r.ingest) },
    ];
  });
  console.table(rows);

  const replayRows = results.flatMap((r) => {
    if (r.available !== null) return [{ store: r.store, query: `not available: ${r.available}`, 'median ms': '—', 'best ms': '—', answer: '—', 'JSON size': '—', 'gzip on the wire': '—' }];
    return r.replay.map((q) => ({
      store: r.store,
      query: q.query,
      'median ms': int(median(q.timed.ms)),
      'best ms': int(Math.min(...q.timed.ms)),
      answer: q.query.includes('state') ? `${int(q.timed.fixes)} units` : `${int(q.timed.fixes)} fixes`,
      'JSON size': Number.isFinite(q.timed.bytes) ? mib(q.timed.bytes) : '—',
      'gzip on the wire': Number.isFinite(q.timed.wireBytes) ? mib(q.timed.wireBytes) : '—',
    }));
  });
  log(`Replay of one hour for ${int(options.units)} units, from the hour the ingest path wrote (HTTP over loopback on a fresh connection each, gzip as a browser asks, time to the whole body unpacked):`);
  console.table(replayRows);
  log(`  load average at end ${loadNow()}`);
  return results;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await storeBench();
}
