/**
 * Crash safety: the real server process (`server/main.ts`) under load is killed with SIGKILL at a
 * random moment, again and again, on the same data directory. After every kill, everything the
 * server acknowledged (a 2xx reply received) must be in the store: position batches (and each
 * unit's latest fix), incidents, incident changes and alert acknowledgements; the SQLite file
 * must pass its integrity check; the server must start again on it and serve all of it.
 *
 * CRASH_ROUNDS (default 10) and RELIABILITY_SEED change the number of rounds and the moments.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { freePort } from '../support/serverProcess.js';
import { postAsDevice, signInOverHttp, startServer as startInProcess, testUnit, type Client } from '../support/server.js';
import { MALAKAL, SEED } from './support.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
const ADMIN_PASSWORD = 'kill -9 is not a shutdown';
const UNITS = ['crash-1', 'crash-2', 'crash-3'] as const;
const SOS_UNITS = ['crash-sos-1', 'crash-sos-2', 'crash-sos-3'] as const;

/** A small seeded generator (mulberry32): the same kill moments on every run with the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything the server said yes to. */
const acked = {
  fixes: new Map<string, Set<number>>(UNITS.map((u) => [u, new Set<number>()])),
  batches: 0,
  incidents: new Set<string>(),
  /** `${incidentId}|${status}` for each status change acknowledged */
  changes: new Set<string>(),
  /** alert id → who acknowledged it */
  alertAcks: new Map<string, string>(),
};

let dataDir = '';
let port = 0;
let url = '';
let child: ChildProcess | undefined;
let stderr = '';
let admin: Client;
const tokens = new Map<string, string>();
/** Each unit's fixes are 200 ms apart, from two hours ago: never in the future, never repeated. */
const T0 = Date.now() - 2 * 3600_000;
const nextFix = new Map<string, number>();
const fixTime = (unitId: string) => {
  const n = nextFix.get(unitId) ?? 0;
  nextFix.set(unitId, n + 1);
  return T0 + n * 200;
};

async function startServer(): Promise<void> {
  stderr = '';
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      SIMULATOR: 'off',
      OSMAND_PORT: 'off',
      COT_PORT: 'off',
      LOG_LEVEL: 'warn',
      TICK_MS: '250',
      LOGINS_PER_MINUTE: '1000',
      INGEST_PER_MINUTE: '1000000',
    },
  });
  started.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child = started;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (started.exitCode !== null) throw new Error(`the server stopped at start-up (exit ${started.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function killServer(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const gone = new Promise<void>((r) => running.once('exit', () => r()));
  running.kill('SIGKILL');
  await gone;
  expect(running.signalCode).toBe('SIGKILL');
}

async function json(res: Response): Promise<unknown> {
  return (await res.json()) as unknown;
}

const postJson = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const asAdmin = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf });

/** The server answered and said no: never expected under this load, so a real failure. */
class Refused extends Error {}

/** Requests that got no answer while the server was up (a connection reset on a loaded machine). */
let unanswered = 0;

/** Keeps calling `step` until the server is killed. A request that got no answer acknowledged nothing: it is simply not in the ledger. */
async function loop(alive: () => boolean, step: () => Promise<void>): Promise<void> {
  while (alive()) {
    try {
      await step();
    } catch (err) {
      if (!alive()) return;
      if (!(err instanceof TypeError && (err.message === 'fetch failed' || err.message === 'terminated'))) throw err;
      if (child?.exitCode !== null || child?.signalCode !== null) throw new Error(`the server died on its own:\n${stderr}`);
      unanswered += 1;
    }
  }
}

/** A tracker sending batches of 20 fixes. */
async function reportPositions(unitId: string, alive: () => boolean): Promise<void> {
  await loop(alive, async () => {
    const times = Array.from({ length: 20 }, () => fixTime(unitId));
    const reports = times.map((time, i) => ({ unitId, time, lat: MALAKAL.lat + i * 1e-4, lon: MALAKAL.lon, speed: 3, battery: 80 }));
    const res = await postJson('/api/positions', { reports }, { authorization: `Bearer ${tokens.get(unitId) ?? ''}` });
    const body = await json(res);
    if (res.status !== 200) throw new Refused(`positions refused: ${res.status} ${JSON.stringify(body)}`);
    const set = acked.fixes.get(unitId);
    for (const t of times) set?.add(t);
    acked.batches += 1;
  });
}

const IncidentReply = z.object({ data: z.object({ id: z.string(), status: z.string() }) });
const LIFECYCLE = ['verified', 'responding', 'resolved', 'closed'] as const;

/** A desk officer reporting incidents and taking each through its lifecycle. */
async function workIncidents(desk: number, alive: () => boolean): Promise<void> {
  let current: string | null = null;
  let step = 0;
  await loop(alive, async () => {
    if (current === null || step >= LIFECYCLE.length) {
      const res = await postJson(
        '/api/incidents',
        { category: 'public-order', severity: 2, title: `Crowd at the market, desk ${desk}`, location: { lat: MALAKAL.lat + desk * 0.001, lon: MALAKAL.lon } },
        asAdmin(),
      );
      const body = await json(res);
      if (res.status !== 201) throw new Refused(`incident refused: ${res.status} ${JSON.stringify(body)}`);
      current = IncidentReply.parse(body).data.id;
      acked.incidents.add(current);
      step = 0;
      return;
    }
    const status = LIFECYCLE[step] ?? 'closed';
    const res = await fetch(`${url}/api/incidents/${current}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...asAdmin() }, body: JSON.stringify({ status }) });
    const body = await json(res);
    if (res.status !== 200) throw new Refused(`incident change refused: ${res.status} ${JSON.stringify(body)}`);
    acked.changes.add(`${current}|${status}`);
    step += 1;
  });
}

const AlertList = z.object({ data: z.array(Alert) });

/** A patrol pressing SOS, the desk acknowledging the alert, the patrol standing down; again and again. */
async function workSos(unitId: string, alive: () => boolean): Promise<void> {
  const report = async (activity: 'sos' | 'on-patrol') => {
    const res = await postJson('/api/positions', { reports: [{ unitId, time: fixTime(unitId), ...MALAKAL, activity }] }, { authorization: `Bearer ${tokens.get(unitId) ?? ''}` });
    await json(res);
    if (res.status !== 200) throw new Refused(`SOS position refused: ${res.status}`);
  };
  await loop(alive, async () => {
    await report('sos');
    let open: Alert | undefined;
    for (let i = 0; i < 100 && !open && alive(); i++) {
      const list = AlertList.parse(await json(await fetch(`${url}/api/alerts`, { headers: { cookie: admin.cookie } })));
      open = list.data.find((a) => a.kind === 'sos' && a.unitId === unitId && a.acknowledgedAt === null);
      if (!open) await new Promise((r) => setTimeout(r, 10));
    }
    if (open) {
      const res = await fetch(`${url}/api/alerts/${open.id}/acknowledge`, { method: 'POST', headers: asAdmin() });
      const body = await json(res);
      if (res.status !== 200) throw new Refused(`acknowledgement refused: ${res.status} ${JSON.stringify(body)}`);
      acked.alertAcks.set(open.id, z.object({ data: Alert }).parse(body).data.acknowledgedBy ?? '');
    }
    await report('on-patrol');
  });
}

const count = (table: string, db: Database.Database) => z.object({ n: z.number() }).parse(db.prepare(`select count(*) as n from ${table}`).get()).n;

/** Opens the file as it was left by the kill, read-only, and checks every acknowledged item is in it. */
function checkStore(): { fixes: number; items: number } {
  const db = new Database(join(dataDir, 'ops.sqlite'), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const stored = new Set(z.array(z.object({ unit_id: z.string(), time: z.number() })).parse(db.prepare('select unit_id, time from positions').all()).map((r) => `${r.unit_id}|${r.time}`));
    let fixes = 0;
    for (const [unitId, times] of acked.fixes) {
      const missing = [...times].filter((t) => !stored.has(`${unitId}|${t}`));
      expect(missing, `acknowledged fixes of ${unitId} missing after the kill`).toEqual([]);
      fixes += times.size;
      const last = z.object({ last_time: z.number().nullable() }).parse(db.prepare('select last_time from units where id = ?').get(unitId)).last_time;
      if (times.size > 0) expect(last, `${unitId}'s live position`).toBeGreaterThanOrEqual(Math.max(...times));
    }

    const incidents = new Set(z.array(z.object({ id: z.string() })).parse(db.prepare('select id from incidents').all()).map((r) => r.id));
    for (const id of acked.incidents) expect(incidents.has(id), `acknowledged incident ${id}`).toBe(true);

    const events = z.array(z.object({ incident_id: z.string(), changes: z.string() })).parse(db.prepare("select incident_id, changes from incident_events where action = 'updated'").all());
    const changed = new Set(events.map((e) => `${e.incident_id}|${z.object({ status: z.string() }).parse(JSON.parse(e.changes)).status}`));
    for (const change of acked.changes) expect(changed.has(change), `acknowledged change ${change}`).toBe(true);

    const alerts = new Map(z.array(z.object({ id: z.string(), acknowledged_by: z.string().nullable() })).parse(db.prepare('select id, acknowledged_by from alerts').all()).map((a) => [a.id, a.acknowledged_by]));
    for (const [id, by] of acked.alertAcks) expect(alerts.get(id), `acknowledgement of alert ${id}`).toBe(by);

    // Every committed position belongs to a unit on the roster, and no row is half there.
    expect(count('positions', db)).toBeGreaterThanOrEqual(fixes);
    return { fixes, items: fixes + acked.incidents.size + acked.changes.size + acked.alertAcks.size };
  } finally {
    db.close();
  }
}

/** The restarted server serves what it acknowledged before the kill. */
async function checkServed(): Promise<void> {
  const incidents = z.object({ data: z.array(z.object({ id: z.string(), status: z.string() })) }).parse(await json(await fetch(`${url}/api/incidents`, { headers: { cookie: admin.cookie } })));
  const ids = new Set(incidents.data.map((i) => i.id));
  for (const id of acked.incidents) expect(ids.has(id), `incident ${id} served after the restart`).toBe(true);
  const alerts = AlertList.parse(await json(await fetch(`${url}/api/alerts`, { headers: { cookie: admin.cookie } })));
  for (const [id, by] of acked.alertAcks) expect(alerts.data.find((a) => a.id === id)?.acknowledgedBy, `alert ${id} served acknowledged`).toBe(by);
  const units = z
    .object({ data: z.object({ units: z.array(z.object({ id: z.string(), activity: z.string(), last: z.object({ time: z.number() }).nullable() })) }) })
    .parse(await json(await fetch(`${url}/api/units`, { headers: { cookie: admin.cookie } })));
  for (const [unitId, times] of acked.fixes) {
    if (times.size === 0) continue;
    expect(units.data.units.find((u) => u.id === unitId)?.last?.time, `${unitId} live after the restart`).toBeGreaterThanOrEqual(Math.max(...times));
  }
  // A patrol in SOS when the server died still has its alarm up once the server is back.
  for (const unitId of SOS_UNITS) {
    if (units.data.units.find((u) => u.id === unitId)?.activity !== 'sos') continue;
    await expect
      .poll(async () => AlertList.parse(await json(await fetch(`${url}/api/alerts`, { headers: { cookie: admin.cookie } }))).data.some((a) => a.kind === 'sos' && a.unitId === unitId && a.resolvedAt === null), {
        timeout: 5000,
        message: `${unitId}, in SOS, has an open SOS alert after the restart`,
      })
      .toBe(true);
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crash-'));
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  await startServer();
  admin = await signInOverHttp(url, 'admin', ADMIN_PASSWORD);
  const roster = [...UNITS, ...SOS_UNITS].map((id) => ({ id, callsign: id.toUpperCase(), type: 'fpu-vehicle', fieldOffice: 'malakal' }));
  expect((await postJson('/api/units', { units: roster }, asAdmin())).status).toBe(200);
  for (const unitId of [...UNITS, ...SOS_UNITS]) {
    const res = await postJson('/api/admin/device-tokens', { unitId, label: 'crash test' }, asAdmin());
    tokens.set(unitId, z.object({ data: z.object({ token: z.string() }) }).parse(await json(res)).data.token);
  }
}, 120_000);

afterAll(async () => {
  await killServer();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(`loses nothing it acknowledged across ${ROUNDS} kills with SIGKILL under load`, async () => {
  const rng = random(SEED);
  const killedAfter: number[] = [];
  let checked = { fixes: 0, items: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    if (!child || child.exitCode !== null || child.signalCode !== null) await startServer();
    let up = true;
    const alive = () => up;
    const load = Promise.all([
      ...UNITS.map((unitId) => reportPositions(unitId, alive)),
      workIncidents(1, alive),
      workIncidents(2, alive),
      ...SOS_UNITS.map((unitId) => workSos(unitId, alive)),
    ]);
    // Somewhere between a quarter of a second and two seconds into the load.
    const delay = Math.round(250 + rng() * 1750);
    killedAfter.push(delay);
    await new Promise((r) => setTimeout(r, delay));
    up = false;
    await killServer();
    await load;

    checked = checkStore();
    await startServer();
    await checkServed();
  }
  expect(acked.batches).toBeGreaterThan(0);
  expect(acked.incidents.size).toBeGreaterThan(0);
  expect(acked.changes.size).toBeGreaterThan(0);
  expect(acked.alertAcks.size).toBeGreaterThan(0);
  console.log(
    `[reliability] crash safety: ${ROUNDS} SIGKILL rounds survived (kills at ${killedAfter.join(', ')} ms into the load, seed ${SEED}); ` +
      `acknowledged and found after every restart: ${acked.batches} position batches (${checked.fixes} fixes), ${acked.incidents.size} incidents, ` +
      `${acked.changes.size} incident changes, ${acked.alertAcks.size} alert acknowledgements (${checked.items} items); integrity_check ok every round; lost: nothing` +
      (unanswered > 0 ? ` (${unanswered} requests got no answer while the server was up, so were never acknowledged)` : ''),
  );
}, 400_000);

it('an SOS stored just before a crash raises its alarm when the server is back; a stand-down resolves it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sos-crash-'));
  const storePath = join(dir, 'ops.sqlite');
  const openSos = async (server: Awaited<ReturnType<typeof startInProcess>>, unitId: string) =>
    (await server.app.alerts.list()).filter((a) => a.kind === 'sos' && a.unitId === unitId && a.resolvedAt === null);
  try {
    let server = await startInProcess({ storePath });
    await server.register([testUnit('sos-1'), testUnit('sos-2')]);
    // sos-1: the SOS fix was committed and acknowledged, and the server died before raising the alert.
    expect((await postAsDevice(`${server.url}/api/positions`, await server.deviceToken('sos-1'), { reports: [{ unitId: 'sos-1', time: Date.now() - 6000, ...MALAKAL }] })).status).toBe(200);
    await server.db.updateTable('units').set({ activity: 'sos' }).where('id', '=', 'sos-1').execute();
    // sos-2: its SOS alert was raised, then the stand-down was committed and the server died before resolving it.
    expect((await postAsDevice(`${server.url}/api/positions`, await server.deviceToken('sos-2'), { reports: [{ unitId: 'sos-2', time: Date.now() - 5000, ...MALAKAL, activity: 'sos' }] })).status).toBe(200);
    await expect.poll(async () => (await openSos(server, 'sos-2')).length).toBe(1);
    await server.db.updateTable('units').set({ activity: 'on-patrol' }).where('id', '=', 'sos-2').execute();
    await server.close();

    server = await startInProcess({ storePath });
    const current = server;
    await expect.poll(async () => (await openSos(current, 'sos-1')).length, { timeout: 5000 }).toBe(1);
    expect((await openSos(current, 'sos-1'))[0]).toMatchObject({ severity: 4, title: 'SOS from SOS-1', incidentId: expect.any(String) });
    await expect.poll(async () => (await openSos(current, 'sos-2')).length, { timeout: 5000 }).toBe(0);
    await server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
