import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { IncidentsSnapshot, UnitMirror, UnitsDelta, UnitsSnapshot, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/feed.js';
import { IncidentSummary } from '../../shared/incidents.js';
import { createTestDatabase } from '../support/postgres.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { clientFor, signInOverHttp, type Client } from '../support/server.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

// Several server nodes on one PostgreSQL database and one Redis, each in its own process so that
// one can be killed outright. Runs in the PostgreSQL project (it needs the suite's cluster).
const postgres = inject('postgres');

const ADMIN_PASSWORD = 'cluster admin passphrase 7';
const Health = z.object({ data: z.object({ node: z.object({ id: z.string(), clustered: z.boolean(), leading: z.boolean() }) }) });
const Created = z.object({ data: IncidentSummary });
const Alerts = z.object({ data: z.array(Alert) });
const Incidents = z.object({ data: z.array(IncidentSummary) });

type Feed = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A dashboard as the browser keeps one: the unit picture, every incident and alert event it got. */
interface Dashboard {
  /** the node it is connected to now */
  url(): string;
  mirror: UnitMirror;
  incidentsSnapshot: IncidentsSnapshot | null;
  created: IncidentSummary[];
  alerts: Alert[];
  /** why the last node refused the connection, if it did */
  refused: string | null;
  /** resolves once the next full set of snapshots (units, incidents, alerts) has arrived */
  snapshotted(): Promise<void>;
  close(): void;
}

/**
 * Opens the live feed on the first node of `urls`; when that node goes away, connects to the next
 * (as a browser does through the load balancer, which sends it to a node still up).
 */
function openDashboard(urls: readonly string[], cookie: string): Dashboard {
  let index = 0;
  let socket: Feed | undefined;
  let closed = false;
  let waiting: { done: () => void; got: Set<string> } | null = null;
  const dash: Dashboard = {
    url: () => urls[index % urls.length] ?? '',
    mirror: new UnitMirror(),
    incidentsSnapshot: null,
    created: [],
    alerts: [],
    refused: null,
    snapshotted: () =>
      new Promise<void>((done) => {
        waiting = { done, got: new Set() };
      }),
    close: () => {
      closed = true;
      socket?.close();
    },
  };
  const got = (what: string) => {
    if (!waiting) return;
    waiting.got.add(what);
    if (waiting.got.size === 3) {
      const { done } = waiting;
      waiting = null;
      done();
    }
  };
  const open = () => {
    const s: Feed = connect(dash.url(), { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    socket = s;
    s.on('units:snapshot', (raw) => {
      dash.mirror = new UnitMirror();
      dash.mirror.applySnapshot(UnitsSnapshot.parse(raw));
      got('units');
    });
    s.on('units:delta', (raw) => {
      const { gap } = dash.mirror.applyDelta(UnitsDelta.parse(raw));
      if (!gap) return;
      // A screen that missed a message asks for the whole picture again, as the browser does.
      s.emit('units:resync', (reply) => {
        const snapshot = UnitsSnapshot.safeParse(reply);
        if (snapshot.success) dash.mirror.applySnapshot(snapshot.data);
      });
    });
    s.on('incidents:snapshot', (raw) => {
      dash.incidentsSnapshot = IncidentsSnapshot.parse(raw);
      got('incidents');
    });
    s.on('alerts:snapshot', () => got('alerts'));
    s.on('incident:created', (raw) => dash.created.push(IncidentSummary.parse(raw)));
    s.on('alert:raised', (raw) => dash.alerts.push(Alert.parse(raw)));
    const next = () => {
      if (closed || socket !== s) return;
      index += 1;
      setTimeout(open, 200);
    };
    s.on('disconnect', next);
    s.on('connect_error', (err) => {
      dash.refused = err.message;
      // A session that is no longer valid is refused by every node: no point going round.
      if (err.message !== 'unauthenticated') next();
    });
  };
  open();
  return dash;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function health(url: string): Promise<z.infer<typeof Health>['data']['node'] | undefined> {
  try {
    const res = await fetch(`${url}/healthz`);
    return res.ok ? Health.parse(await res.json()).data.node : undefined;
  } catch {
    return undefined;
  }
}

describe.skipIf(!postgres)('several server nodes on one PostgreSQL database and one Redis', () => {
  let redis: RedisServer;
  let database: { url: string; drop: () => Promise<void> };
  const nodes: ServerProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-cluster-'));
  let admin: Client;
  let viewer: Client;
  const dashboards: Dashboard[] = [];

  beforeAll(async () => {
    if (!postgres) return;
    redis = await startRedis();
    database = await createTestDatabase(postgres);
    const start = async (name: string) =>
      startServerProcess({
        port: await freePort(),
        dataDir,
        adminPassword: ADMIN_PASSWORD,
        env: {
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          NODE_ID: name,
          // Static posts fall silent fast here, so a takeover can be seen to raise their alerts.
          STATUS_THRESHOLDS: JSON.stringify({ 'static-post': { staleAfterS: 3, lostAfterS: 6 } }),
        },
      });
    // The first node makes the first administrator; the others start together after it.
    nodes.push(await start('node-a'));
    nodes.push(...(await Promise.all([start('node-b'), start('node-c')])));
    const first = nodes[0];
    if (!first) throw new Error('no node');
    admin = await signInOverHttp(first.url, 'admin', ADMIN_PASSWORD);
    const made = await admin.send('POST', '/api/admin/users', { username: 'cluster-viewer', displayName: 'Wall viewer', role: 'viewer', password: 'viewer passphrase 42' });
    expect(made.status).toBe(201);
    viewer = await signInOverHttp(first.url, 'cluster-viewer', 'viewer passphrase 42');
  }, 120_000);

  afterAll(async () => {
    for (const d of dashboards) d.close();
    await Promise.all(nodes.map((n) => n.stop()));
    await database?.drop();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs three nodes, one leading, and carries a position, an incident and a takeover between them', { timeout: 90_000 }, async () => {
    const [a, b, c] = nodes;
    if (!a || !b || !c) throw new Error('three nodes are needed');
    const urls = nodes.map((n) => n.url);

    // Exactly one node leads.
    const states = await Promise.all(urls.map(health));
    expect(states.map((s) => s?.id)).toEqual(['node-a', 'node-b', 'node-c']);
    expect(states.every((s) => s?.clustered)).toBe(true);
    expect(states.filter((s) => s?.leading)).toHaveLength(1);

    // Units registered through node C, their device tokens issued through node B.
    const asAdminOn = (url: string) => clientFor(url, admin.cookie, admin.csrf);
    const registered = await asAdminOn(c.url).send('POST', '/api/units', {
      units: [
        { id: 'cl-fpu-1', callsign: 'MAL-FPU-9', type: 'fpu-vehicle', fieldOffice: 'malakal' },
        { id: 'cl-post-1', callsign: 'MAL-POST-9', type: 'static-post', fieldOffice: 'malakal' },
      ],
    });
    expect(registered.status).toBe(200);
    const tokenOf = async (unitId: string) => {
      const res = await asAdminOn(b.url).send('POST', '/api/admin/device-tokens', { unitId, label: `tracker ${unitId}` });
      expect(res.status).toBe(201);
      return z.object({ data: z.object({ token: z.string() }) }).parse(res.body).data.token;
    };
    const fpuToken = await tokenOf('cl-fpu-1');
    const postToken = await tokenOf('cl-post-1');

    // A dashboard on each node; the viewer's on B. Each fails over to the next node in the list.
    const rotate = (from: number) => [...urls.slice(from), ...urls.slice(0, from)];
    const onA = openDashboard(rotate(0), admin.cookie);
    const onB = openDashboard(rotate(1), viewer.cookie);
    const onC = openDashboard(rotate(2), admin.cookie);
    dashboards.push(onA, onB, onC);
    await Promise.all(dashboards.map((d) => d.snapshotted()));

    // A position sent to node B (OsmAnd, as Traccar Client sends it) reaches the screen on node A.
    const fixTime = Date.now();
    const sent = Date.now();
    const osmand = await fetch(`${b.url}/osmand/${fpuToken}?id=cl-fpu-1&lat=9.5334&lon=31.6605&timestamp=${fixTime}`, { method: 'POST' });
    expect(osmand.status).toBe(200);
    await until('node A to show the fix sent to node B', () => onA.mirror.units.get('cl-fpu-1')?.last?.time === fixTime || undefined, 10_000);
    const seenAfterMs = Date.now() - sent;
    await until('node C to show it too', () => onC.mirror.units.get('cl-fpu-1')?.last?.time === fixTime || undefined, 10_000);
    console.log(`node A showed the fix sent to node B after ${seenAfterMs} ms`);

    // An incident reported through node C reaches the screens on A and B once each, and the
    // viewer (no need-to-know) gets a sensitive one's location coarsened.
    const report = async (url: string, title: string, category = 'crime') => {
      const res = await asAdminOn(url).send('POST', '/api/incidents', { category, severity: 3, title, location: { lat: 9.54, lon: 31.65 } });
      expect(res.status).toBe(201);
      return Created.parse(res.body).data;
    };
    const before = await report(c.url, 'Armed robbery at Malakal market');
    const sensitive = await report(c.url, 'Assault reported near the POC site', 'sgbv');
    for (const d of dashboards) {
      await until('every screen to get both incidents', () => [before, sensitive].every((i) => d.created.some((x) => x.id === i.id)) || undefined);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    for (const d of dashboards) {
      expect(d.created.filter((x) => x.id === before.id)).toHaveLength(1);
      expect(d.created.filter((x) => x.id === sensitive.id)).toHaveLength(1);
    }
    expect(onB.created.find((x) => x.id === sensitive.id)?.locationCoarsened).toBe(true);
    expect(onA.created.find((x) => x.id === sensitive.id)?.locationCoarsened).toBe(false);

    // The static post reports once, through a node that will survive, then falls silent.
    const leaderIndex = (await Promise.all(urls.map(health))).findIndex((s) => s?.leading);
    const leader = nodes[leaderIndex];
    if (!leader) throw new Error('no leader');
    const survivors = nodes.filter((n) => n !== leader);
    const [s1, s2] = survivors;
    if (!s1 || !s2) throw new Error('two survivors are needed');
    const postFix = Date.now();
    const postRes = await fetch(`${s1.url}/osmand/${postToken}?id=cl-post-1&lat=9.5301&lon=31.6552&timestamp=${postFix}`, { method: 'POST' });
    expect(postRes.status).toBe(200);
    await until('every screen to show the post live', () => dashboards.every((d) => d.mirror.units.get('cl-post-1')?.status === 'live') || undefined, 5_000);

    // The leader dies outright; an incident is reported while nobody leads.
    const killedAt = Date.now();
    await leader.kill();
    const during = await report(s2.url, 'Roadblock on the Malakal–Renk road');
    const newLeader = await until('another node to take the lead', async () => {
      const now = await Promise.all(survivors.map((n) => health(n.url)));
      return now.find((s) => s?.leading);
    }, 20_000);
    const takeoverMs = Date.now() - killedAt;
    console.log(`${newLeader.id} took the lead ${takeoverMs} ms after the leader was killed`);
    expect(takeoverMs).toBeLessThan(15_000);
    expect((await Promise.all(survivors.map((n) => health(n.url)))).filter((s) => s?.leading)).toHaveLength(1);

    // The silent post goes lost after the kill: the new leader raises the alert, once, and the
    // screens on the surviving nodes get it.
    const survivingScreens = dashboards.filter((d) => d.url() !== leader.url);
    const lostOn = (d: Dashboard) => d.alerts.filter((x) => x.kind === 'unit-lost' && x.unitId === 'cl-post-1');
    for (const d of survivingScreens) await until('the lost alert on a surviving screen', () => lostOn(d).length > 0 || undefined, 20_000);
    await new Promise((r) => setTimeout(r, 1_500));
    for (const d of survivingScreens) expect(lostOn(d)).toHaveLength(1);
    const stored = Alerts.parse((await asAdminOn(s1.url).get('/api/alerts')).body).data.filter((x) => x.unitId === 'cl-post-1');
    const lost = stored.filter((x) => x.kind === 'unit-lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.raisedAt).toBeGreaterThan(killedAt);
    expect(stored.filter((x) => x.kind === 'unit-stale')).toHaveLength(1);

    // The screen that was on the killed node is now on a surviving one, with the whole picture:
    // every incident, from before and during the kill, and the units where they last reported.
    const orphan = [onA, onB, onC][leaderIndex];
    if (!orphan) throw new Error('no screen on the leader');
    await until('the orphaned screen to reconnect elsewhere', () => (orphan.url() !== leader.url && orphan.incidentsSnapshot?.incidents.some((i) => i.id === during.id)) || undefined, 20_000);
    const ids = orphan.incidentsSnapshot?.incidents.map((i) => i.id) ?? [];
    for (const i of [before, sensitive, during]) expect(ids).toContain(i.id);
    expect(orphan.mirror.units.get('cl-fpu-1')?.last?.time).toBe(fixTime);

    // No incident lost: every node still standing lists all three.
    for (const n of survivors) {
      const listed = Incidents.parse((await asAdminOn(n.url).get('/api/incidents')).body).data.map((i) => i.id);
      for (const i of [before, sensitive, during]) expect(listed).toContain(i.id);
    }

    // And positions still cross between the nodes left standing.
    const later = Date.now();
    expect((await fetch(`${s1.url}/osmand/${fpuToken}?id=cl-fpu-1&lat=9.5340&lon=31.6611&timestamp=${later}`, { method: 'POST' })).status).toBe(200);
    for (const d of dashboards) await until('the later fix on every screen', () => d.mirror.units.get('cl-fpu-1')?.last?.time === later || undefined, 10_000);

    // An account disabled through one node loses its live connection on whichever node it is,
    // at once (not at the half-minute re-check).
    const users = z.object({ data: z.array(z.object({ id: z.string(), username: z.string() })) }).parse((await asAdminOn(s1.url).get('/api/admin/users')).body).data;
    const viewerId = users.find((u) => u.username === 'cluster-viewer')?.id;
    if (!viewerId) throw new Error('the viewer account is missing');
    const onNode = onB.url();
    const disabledAt = Date.now();
    const other = survivors.find((n) => n.url !== onNode) ?? s1;
    expect((await asAdminOn(other.url).send('PATCH', `/api/admin/users/${viewerId}`, { disabled: true })).status).toBe(200);
    await until('the disabled viewer to be cut off', () => onB.refused === 'unauthenticated' || undefined, 5_000);
    console.log(`the viewer's screen on another node was cut off ${Date.now() - disabledAt} ms after the account was disabled`);
  });
});
