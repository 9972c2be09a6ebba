import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PositionReportInput } from '../shared/positions.js';
import { loadMissionPack } from '../server/pack.js';
import { DashboardWorker, fanoutOptions } from './fanout.js';
import type { WorkerStats } from './fanout/protocol.js';
import { stopProcess } from './support/children.js';
import { ReportGenerator } from './support/generator.js';
import { send, signIn } from './support/http.js';
import { loadNow } from './support/machine.js';
import { rssOf } from './support/proc.js';
import { startServerMain } from './support/server-process.js';
import { envNumber, Histogram, int, sleep } from './support/stats.js';
import { PatrolTraffic } from './support/traffic.js';

/**
 * Soak: the fan-out benchmark's load (2,000 units at 1 Hz through POST /api/positions, 200
 * dashboards in worker processes) held for SOAK_MINUTES (30 by default) against the real server
 * process, sampled every SOAK_SAMPLE_SECONDS (30): the server's resident memory, its heap after a
 * full collection (it reports its own, bench/support/memory-report.ts), ingest-to-screen latency
 * over the interval, and the dashboards still connected. The verdict is the heap's slope after
 * the first 5 minutes (a least-squares line, MB per 10 minutes) and its spread over that time.
 *
 * `npm run bench -- soak`; not in the default set. SOAK_TICK_MS (200, the default TICK_MS), and FANOUT_UNITS,
 * FANOUT_CLIENTS, FANOUT_CLIENTS_PER_WORKER, FANOUT_BATCH_MS as for the fan-out benchmark.
 */

export interface SoakSample {
  /** minutes since the load started */
  minute: number;
  rssMb: number;
  heapMb: number;
  p50: number;
  p99: number;
  /** positions decoded by the dashboards in the interval */
  fixes: number;
  connected: number;
  /** reports the server accepted per second in the interval */
  takenPerS: number;
}

export interface SoakVerdict {
  /** heap slope after the settling time, MB per 10 min (NaN with fewer than 2 samples after it) */
  heapSlopeMbPer10Min: number;
  heapSpreadMb: number;
  rssSpreadMb: number;
  /** samples the verdict is over */
  samples: number;
  settleMinutes: number;
}

const ADMIN_PASSWORD = 'soak admin password 1';
const VIEWER_PASSWORD = 'soak wall password 1';
const SETTLE_MINUTES = 5;

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

export function verdictOf(samples: readonly SoakSample[]): SoakVerdict {
  // A run shorter than the settling time is judged on the samples it has, after the first.
  const settled = samples.filter((s) => s.minute >= SETTLE_MINUTES);
  const judged = settled.length >= 2 ? settled : samples.slice(1);
  const spread = (pick: (s: SoakSample) => number) => (judged.length > 0 ? Math.max(...judged.map(pick)) - Math.min(...judged.map(pick)) : NaN);
  return {
    heapSlopeMbPer10Min: slope(judged.map((s) => ({ x: s.minute, y: s.heapMb }))) * 10,
    heapSpreadMb: spread((s) => s.heapMb),
    rssSpreadMb: spread((s) => s.rssMb),
    samples: judged.length,
    settleMinutes: settled.length >= 2 ? SETTLE_MINUTES : (samples[1]?.minute ?? NaN),
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function soakBench(log: (line: string) => void = console.log): Promise<{ samples: SoakSample[]; verdict: SoakVerdict }> {
  const minutes = envNumber('SOAK_MINUTES', 30);
  const sampleSeconds = envNumber('SOAK_SAMPLE_SECONDS', 30);
  const tickMs = envNumber('SOAK_TICK_MS', 200);
  // The fan-out benchmark's full load, whatever BENCH_QUICK says: a soak is only worth its load.
  const fanout = { ...fanoutOptions(), units: envNumber('FANOUT_UNITS', 2000), clients: envNumber('FANOUT_CLIENTS', 200) };
  const pack = await loadMissionPack();
  const traffic = new PatrolTraffic(pack, fanout.units);
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-bench-soak-'));
  const workerCount = Math.ceil(fanout.clients / fanout.clientsPerWorker);
  log(
    `Soak: ${int(fanout.units)} simulated units at 1 Hz posted in batches every ${fanout.batchMs} ms to POST /api/positions; ${int(fanout.clients)} dashboards ` +
      `in ${workerCount} worker processes; server/main.ts with SQLite in a temporary folder, TICK_MS=${tickMs}; ${minutes} min, a sample every ${sampleSeconds} s ` +
      `(heap after a full collection in the server). Load average at start ${loadNow()}.`,
  );

  const server = await startServerMain({
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    reportMemory: true,
    env: { TICK_MS: String(tickMs), LOGINS_PER_MINUTE: '1000', INGEST_PER_MINUTE: '1000000', CLIENT_DIR: join(dataDir, 'no-client') },
  });
  const workers: DashboardWorker[] = [];
  let generator: ReportGenerator | undefined;
  const samples: SoakSample[] = [];
  try {
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    await send(server.url, 'POST', '/api/units', admin, { units: traffic.roster });
    await send(server.url, 'POST', '/api/admin/users', admin, { username: 'soak-wall', displayName: 'Soak wall', role: 'viewer', password: VIEWER_PASSWORD });
    generator = new ReportGenerator(
      traffic,
      async (reports: PositionReportInput[]) => {
        await send(server.url, 'POST', '/api/positions', admin, { reports });
      },
      { periodMs: 1000, batchMs: fanout.batchMs, maxInFlight: 20 },
    );
    for (let w = 0; w < workerCount; w += 1) workers.push(DashboardWorker.start());
    let left = fanout.clients;
    await Promise.all(
      workers.map(async (worker) => {
        const clients = Math.min(fanout.clientsPerWorker, left);
        left -= clients;
        const cookie = (await signIn(server.url, 'soak-wall', VIEWER_PASSWORD)).cookie;
        return worker.ask({ type: 'connect', url: server.url, cookie, clients, mode: 'compact' }, 'connected', 180_000);
      }),
    );
    log(`  ${fanout.clients} dashboards connected; load on`);

    generator.start();
    const started = performance.now();
    for (const w of workers) w.tell({ type: 'reset' });
    generator.resetCounters();
    let intervalStart = performance.now();
    while (performance.now() - started < minutes * 60_000) {
      await sleep(Math.min(sampleSeconds * 1000, minutes * 60_000 - (performance.now() - started)));
      const stats: WorkerStats[] = [];
      for (const w of workers) {
        stats.push((await w.ask({ type: 'report' }, 'stats', 120_000)).stats);
        w.tell({ type: 'reset' });
      }
      const counters = { ...generator.counters };
      generator.resetCounters();
      const now = performance.now();
      const memory = await server.memory();
      const histogram = new Histogram();
      for (const s of stats) histogram.add(s.histogram);
      const sample: SoakSample = {
        minute: (now - started) / 60_000,
        rssMb: mb(rssOf(server.pid)),
        heapMb: mb(memory.heapUsed),
        p50: histogram.quantile(0.5),
        p99: histogram.quantile(0.99),
        fixes: histogram.total,
        connected: stats.reduce((sum, s) => sum + s.connected, 0),
        takenPerS: counters.reports / ((now - intervalStart) / 1000),
      };
      intervalStart = now;
      samples.push(sample);
      log(
        `  ${sample.minute.toFixed(1)} min: RSS ${sample.rssMb.toFixed(0)} MB, heap ${sample.heapMb.toFixed(1)} MB, latency p50 ${int(sample.p50)} ms p99 ${int(sample.p99)} ms, ` +
          `${sample.connected}/${fanout.clients} dashboards, ${int(sample.takenPerS)} reports/s taken${counters.failed > 0 ? `, ${counters.failed} batches failed (${counters.lastError ?? ''})` : ''}`,
      );
    }
  } finally {
    await generator?.stop();
    await Promise.all(
      workers.map(async (w) => {
        if (w.child.connected) w.tell({ type: 'close' });
        await stopProcess(w.child, 5_000);
      }),
    );
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.table(
    samples.map((s) => ({
      'minute': s.minute.toFixed(1),
      'server RSS MB': s.rssMb.toFixed(0),
      'heap MB (after GC)': s.heapMb.toFixed(1),
      'latency p50 ms': int(s.p50),
      'p99 ms': int(s.p99),
      'positions decoded': int(s.fixes),
      'dashboards connected': s.connected,
      'reports/s taken': int(s.takenPerS),
    })),
  );
  const verdict = verdictOf(samples);
  // Falling is not a leak: what matters is that the heap does not keep growing.
  const flat = verdict.heapSlopeMbPer10Min < 1;
  log(
    `  Verdict over ${verdict.samples} samples from minute ${Number.isFinite(verdict.settleMinutes) ? verdict.settleMinutes.toFixed(1) : '—'}: heap slope ` +
      `${verdict.heapSlopeMbPer10Min.toFixed(2)} MB per 10 min, heap max − min ${verdict.heapSpreadMb.toFixed(1)} MB, RSS max − min ${verdict.rssSpreadMb.toFixed(0)} MB: ` +
      `${Number.isNaN(verdict.heapSlopeMbPer10Min) ? 'too few samples to judge' : flat ? 'flat (grows by under 1 MB per 10 min)' : 'GROWING: look for what the server keeps'}` +
      `${minutes < SETTLE_MINUTES + 5 ? ` (a short run: the verdict is meant for ${SETTLE_MINUTES + 25} minutes or more)` : ''}.`,
  );
  log(`  load average at end ${loadNow()}`);
  return { samples, verdict };
}
