import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { alertOnUnitTransitions } from '../alerts/unit-alerts.js';
import { AlertService } from '../alerts/service.js';
import { ManualClock } from '../clock.js';
import { openSqlite, type Db } from '../db/open.js';
import { parseEnv } from '../env.js';
import { KyselyTrackingStore } from '../store/tracking.js';
import { DEFAULT_POLICY } from '../tracking/status.js';
import { Tracker, type TrackerChange } from '../tracking/tracker.js';
import { ClusterEnvelope } from './messages.js';

describe('REDIS_URL and NODE_ID', () => {
  const pg = 'postgres://ops:secret@db:5432/ops';

  it('takes a Redis URL with a PostgreSQL database, and a node name', () => {
    const parsed = parseEnv({ DATABASE_URL: pg, REDIS_URL: 'redis://redis:6379', NODE_ID: 'juba-1' });
    expect(parsed).toMatchObject({ ok: true, env: { REDIS_URL: 'redis://redis:6379', NODE_ID: 'juba-1' } });
  });

  it('refuses several nodes on a SQLite file, saying why', () => {
    const parsed = parseEnv({ REDIS_URL: 'redis://redis:6379' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('REDIS_URL');
    expect(parsed.message).toContain('DATABASE_URL');
    expect(parsed.message).toContain('SQLite');
  });

  it('refuses what is not a Redis URL, and never echoes its password', () => {
    const parsed = parseEnv({ DATABASE_URL: pg, REDIS_URL: 'http://:hunter2hunter2@redis:6379', NODE_ID: 'has space' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('a Redis URL');
    expect(parsed.message).not.toContain('hunter2');
    expect(parsed.message).toContain('NODE_ID="has space"');
  });
});

describe('the cluster bus messages', () => {
  it('reads a change to the live picture and refuses a malformed one', () => {
    const change: TrackerChange = { kind: 'fixes', updates: [{ unitId: 'mal-1', fix: { time: 1, lat: 9.5, lon: 31.6 }, activity: 'on-patrol' }] };
    expect(ClusterEnvelope.safeParse({ from: 'node-a', message: { type: 'tracker', change } }).success).toBe(true);
    const bad = { kind: 'fixes', updates: [{ unitId: 'mal-1', fix: { time: 1, lat: 99, lon: 31.6 }, activity: 'on-patrol' }] };
    expect(ClusterEnvelope.safeParse({ from: 'node-a', message: { type: 'tracker', change: bad } }).success).toBe(false);
    expect(ClusterEnvelope.safeParse({ from: 'node-a', message: { type: 'drop-tables' } }).success).toBe(false);
  });
});

describe('two nodes on one store', () => {
  const dbs: Db[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy();
  });

  const policy = {
    ...DEFAULT_POLICY,
    thresholds: { ...DEFAULT_POLICY.thresholds, 'static-post': { staleAfterMs: 60_000, lostAfterMs: 120_000 } },
  };

  async function twoNodes() {
    const clock = new ManualClock(Date.UTC(2026, 10, 21, 8, 0, 0));
    const db = await openSqlite(':memory:');
    dbs.push(db);
    const store = new KyselyTrackingStore(db);
    const a = await Tracker.load(store, clock, policy);
    const b = await Tracker.load(store, clock, policy);
    // What node A stores, node B applies (the bus, without Redis in between).
    const sent: TrackerChange[] = [];
    a.onStored((change) => sent.push(change));
    const deliver = async () => {
      for (const change of sent.splice(0)) await b.applyFromElsewhere(change);
    };
    return { clock, db, a, b, deliver };
  }

  it('moves the other node’s live picture without storing the fix twice', async () => {
    const { clock, db, a, b, deliver } = await twoNodes();
    await a.register([{ id: 'mal-post-1', callsign: 'MAL-POST-1', type: 'static-post', fieldOffice: 'malakal' }]);
    await deliver();
    expect(b.unit('mal-post-1')?.callsign).toBe('MAL-POST-1');
    const changed: string[] = [];
    b.onChange((ids) => changed.push(...ids));
    const time = clock.now();
    expect((await a.ingest([{ unitId: 'mal-post-1', time, lat: 9.53, lon: 31.65 }])).ok).toBe(true);
    await deliver();
    expect(b.unit('mal-post-1')).toMatchObject({ status: 'live', last: { time, lat: 9.53, lon: 31.65 } });
    expect(changed).toEqual(['mal-post-1']);
    const stored = await db.selectFrom('positions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);

    // An SOS and a new callsign follow too; an older fix never moves the marker back.
    await a.setActivity('mal-post-1', 'sos');
    await a.announceIdentity('mal-post-1', 'MAL-POST-ONE', 'Malakal posts');
    await b.applyFromElsewhere({ kind: 'fixes', updates: [{ unitId: 'mal-post-1', fix: { time: time - 5_000, lat: 1, lon: 1 }, activity: 'on-patrol' }] });
    await deliver();
    expect(b.unit('mal-post-1')).toMatchObject({ activity: 'sos', callsign: 'MAL-POST-ONE', group: 'Malakal posts', last: { time } });
  });

  it('raises a patrol’s alerts on the leading node only, and catches up once on taking over', async () => {
    const { clock, db, a, b, deliver } = await twoNodes();
    const alerts = new AlertService(db, clock);
    const logger = pino({ level: 'silent' });
    let leader: 'a' | 'b' | null = 'a';
    const onA = alertOnUnitTransitions(a, alerts, logger, undefined, () => leader === 'a');
    const onB = alertOnUnitTransitions(b, alerts, logger, undefined, () => leader === 'b');
    try {
      await a.register([{ id: 'mal-post-2', callsign: 'MAL-POST-2', type: 'static-post', fieldOffice: 'malakal' }]);
      await a.ingest([{ unitId: 'mal-post-2', time: clock.now(), lat: 9.53, lon: 31.65 }]);
      await deliver();

      // Stale on both nodes: only the leader (A) raises the notice.
      clock.advance(61_000);
      a.sweepStatuses();
      b.sweepStatuses();
      await onA.takeOver(); // waits for A's queue; a notice already raised is not raised again
      const kinds = async () => (await alerts.list()).filter((x) => x.unitId === 'mal-post-2').map((x) => x.kind).sort();
      expect(await kinds()).toEqual(['unit-stale']);

      // A dies, and the post goes lost before B takes over: nobody raises it then…
      leader = null;
      onA.stop();
      clock.advance(60_000);
      b.sweepStatuses();
      expect(b.unit('mal-post-2')?.status).toBe('lost');
      await new Promise((r) => setTimeout(r, 50));
      expect(await kinds()).toEqual(['unit-stale']);

      // …and B raises it once on taking over, however many times it catches up.
      leader = 'b';
      await onB.takeOver();
      await onB.takeOver();
      expect(await kinds()).toEqual(['unit-lost', 'unit-stale']);

      // The post reports again through B: B, now leading, resolves the alert.
      await b.ingest([{ unitId: 'mal-post-2', time: clock.now(), lat: 9.53, lon: 31.65 }]);
      await onB.takeOver();
      const lost = (await alerts.list()).find((x) => x.kind === 'unit-lost' && x.unitId === 'mal-post-2');
      expect(lost?.resolvedAt).not.toBeNull();
    } finally {
      onA.stop();
      onB.stop();
    }
  });
});
