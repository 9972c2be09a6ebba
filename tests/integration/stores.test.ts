import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentConflict } from '../../server/incidents/service.js';
import { migrate } from '../../server/db/open.js';
import type { PositionReport } from '../../shared/positions.js';
import { startServer, testUnit, type TestServer } from '../support/server.js';

// The repositories behave the same on SQLite and PostgreSQL: this file runs on both (see the
// `sqlite` and `postgres` projects in vite.config.ts), as does the rest of tests/integration.

let server: TestServer;
const actor = 'duty-officer';

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const report = (title: string) => ({
  category: 'cattle-raiding' as const,
  severity: 3,
  title,
  description: '',
  location: { lat: 7.6, lon: 28.4 },
  protected: false,
  victims: [],
  witnesses: [],
});

describe('values', () => {
  it('hands back times, sequence numbers and counts as JavaScript numbers, never strings', async () => {
    const occurredAt = 8_000_000_000_000_000; // far past 2^31 and 2^32, still exact in a double
    const made = await server.app.incidents.create({ ...report('Herd taken near Mapel'), occurredAt }, actor);
    const row = await server.db.selectFrom('incidents').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row.occurred_at).toBe(occurredAt);
    expect(typeof row.reported_at).toBe('number');
    const event = await server.db.selectFrom('incident_events').select(['seq', 'time']).where('incident_id', '=', made.id).executeTakeFirstOrThrow();
    expect(typeof event.seq).toBe('number');
    expect(typeof event.time).toBe('number');
    const { rows } = await sql<{ n: number; latest: number }>`select count(*) as n, max(time) as latest from incident_events`.execute(server.db);
    expect(typeof rows[0]?.n).toBe('number');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    expect(typeof rows[0]?.latest).toBe('number');
    expect((await server.app.incidents.get(made.id))?.occurredAt).toBe(occurredAt);
  });

  it('gives back every fix exactly as the tracker sent it, to the last digit', async () => {
    await server.register([testUnit('bor-fpu-77', { fieldOffice: 'bor' })]);
    const t0 = Date.now() - 3600_000;
    // Full double precision and awkward values: what a tracker's float arithmetic produces.
    const fixes: PositionReport[] = Array.from({ length: 200 }, (_, i) => ({
      unitId: 'bor-fpu-77',
      time: t0 + i * 1000,
      lat: 6.2 + Math.sin(i) / 3,
      lon: 31.55 + i * 0.000123456789012345,
      speed: i === 0 ? 0 : 0.1 + i / 7,
      heading: (i * 37.7) % 360,
      accuracy: 1e-7 * (i + 1),
      altitude: -12.5 + i,
      battery: 100 / 3,
    }));
    const result = await server.app.tracker.ingest(fixes);
    expect(result).toMatchObject({ ok: true, result: { accepted: fixes.length } });
    const stored = await server.app.tracker.track('bor-fpu-77', t0, t0 + 200_000, 1000);
    expect(stored).toEqual(fixes.map(({ unitId: _unit, ...fix }) => fix));
    expect(server.app.tracker.unit('bor-fpu-77')?.last).toEqual(stored.at(-1));
    const live = await server.db.selectFrom('units').select(['last_lat', 'last_lon', 'last_time']).where('id', '=', 'bor-fpu-77').executeTakeFirstOrThrow();
    expect(live).toEqual({ last_lat: fixes.at(-1)?.lat, last_lon: fixes.at(-1)?.lon, last_time: fixes.at(-1)?.time });
  });

  it('keeps text as given, accents and scripts included', async () => {
    const title = 'Raid near Kuajok — Ngök Dinka, عربي جوبا';
    const made = await server.app.incidents.create(report(title), actor);
    expect((await server.app.incidents.get(made.id))?.title).toBe(title);
  });
});

describe('the record cannot be rewritten', () => {
  it('refuses to change or remove audit entries and incident timeline entries', async () => {
    await server.app.incidents.create(report('Shots heard at Bentiu market'), actor);
    await server.app.audit.record({ actor, action: 'incident.create', target: 'bentiu' });
    await expect(sql`UPDATE audit SET actor = 'someone else'`.execute(server.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit`.execute(server.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE incident_events SET actor = 'someone else'`.execute(server.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM incident_events`.execute(server.db)).rejects.toThrow(/append-only/);
    // SQLite has no TRUNCATE; PostgreSQL's would skip row triggers, so it has its own.
    if (server.store === 'postgres') {
      await expect(sql`TRUNCATE audit`.execute(server.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE incident_events`.execute(server.db)).rejects.toThrow(/append-only/);
    }
    expect(Number((await sql<{ n: number }>`select count(*) as n from incident_events`.execute(server.db)).rows[0]?.n)).toBeGreaterThan(0);
  });
});

describe('transactions', () => {
  it('keeps nothing of a transaction that fails part-way', async () => {
    const id = randomUUID();
    await expect(
      server.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('alerts')
          .values({ id, kind: 'sos', severity: 4, title: 'SOS', unit_id: null, incident_id: null, raised_at: Date.now(), acknowledged_at: null, acknowledged_by: null, resolved_at: null, escalated_at: null })
          .execute();
        throw new Error('the radio link dropped');
      }),
    ).rejects.toThrow('the radio link dropped');
    expect(await server.db.selectFrom('alerts').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('lets two desks changing one incident at once take turns: the second sees the first', async () => {
    // From "reported" both moves are allowed, and after either one the other is not. Several
    // incidents at once make it near certain the two changes overlap.
    const incidents = await Promise.all(Array.from({ length: 8 }, (_, i) => server.app.incidents.create(report(`Cattle raid ${i}`), actor)));
    const outcomes = await Promise.all(
      incidents.map((incident) =>
        Promise.allSettled([
          server.app.incidents.update(incident.id, { status: 'false-report' }, 'desk-a'),
          server.app.incidents.update(incident.id, { status: 'responding' }, 'desk-b'),
        ]),
      ),
    );
    for (const [i, pair] of outcomes.entries()) {
      const incidentId = incidents[i]?.id ?? '';
      const won = pair.filter((o) => o.status === 'fulfilled');
      const refused = pair.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(IncidentConflict);
      const timeline = await server.app.incidents.timeline(incidentId);
      expect(timeline.filter((e) => e.action === 'updated')).toHaveLength(1);
      expect((await server.app.incidents.get(incidentId))?.status).toBe(won[0]?.status === 'fulfilled' ? won[0].value.status : 'none');
    }
  });

  it('records a patrol arriving once, however many reports of it come at once', async () => {
    await server.register([testUnit('mal-fpu-81')]);
    const incident = await server.app.incidents.create(report('Fighting at Malakal PoC gate'), actor);
    await server.app.incidents.assign(incident.id, ['mal-fpu-81'], actor);
    const at = Date.now();
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => server.app.incidents.arrived(incident.id, 'mal-fpu-81', at + i)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const timeline = await server.app.incidents.timeline(incident.id);
    expect(timeline.filter((e) => e.action === 'arrived')).toHaveLength(1);
  });

  it('takes the same buffered fixes sent twice at once, in opposite orders, storing each once', async () => {
    // Several thousand fixes: written in chunks, two batches in opposite orders would each hold
    // rows the other needs, unless every batch writes in one order.
    const units = Array.from({ length: 60 }, (_, i) => testUnit(`wau-ipo-${i}`, { fieldOffice: 'wau', type: 'ipo-foot' }));
    await server.register(units);
    const t0 = Date.now() - 3600_000;
    const fixes: PositionReport[] = units.flatMap((u, i) =>
      Array.from({ length: 50 }, (_, k) => ({ unitId: u.id, time: t0 + k * 60_000, lat: 7.7 + i / 1000, lon: 28 + k / 1000 })),
    );
    const [a, b] = await Promise.all([server.app.tracker.ingest(fixes), server.app.tracker.ingest([...fixes].reverse())]);
    if (!a.ok || !b.ok) throw new Error('a batch was refused');
    expect(a.result.accepted + b.result.accepted).toBe(fixes.length);
    expect(a.result.duplicates + b.result.duplicates).toBe(fixes.length);
    const { rows } = await sql<{ n: number }>`select count(*) as n from positions where unit_id like 'wau-ipo-%'`.execute(server.db);
    expect(Number(rows[0]?.n)).toBe(fixes.length);
    const stored = await server.db.selectFrom('units').select(['id', 'last_time', 'last_lon']).where('id', 'like', 'wau-ipo-%').execute();
    expect(stored).toHaveLength(units.length);
    for (const u of stored) {
      expect(u.last_time).toBe(t0 + 49 * 60_000);
      expect(u.last_lon).toBeCloseTo(28.049, 9);
    }
  });
});

describe('order of changes', () => {
  it('leaves no SOS alarm open when a patrol stands down the moment after it raised one', async () => {
    // Raising an SOS takes several writes (the incident, its timeline, the alert); the stand-down
    // must wait for them rather than find nothing to resolve, however slow the store.
    await server.register([testUnit('yam-ipo-12', { fieldOffice: 'yambio', type: 'ipo-foot' })]);
    await server.app.tracker.ingest([{ unitId: 'yam-ipo-12', time: Date.now() - 5000, lat: 4.57, lon: 28.4 }]);
    await server.app.tracker.setActivity('yam-ipo-12', 'sos');
    await server.app.tracker.setActivity('yam-ipo-12', 'on-patrol');
    const sos = async () => (await server.app.alerts.list()).filter((a) => a.kind === 'sos' && a.unitId === 'yam-ipo-12');
    await expect.poll(async () => (await sos()).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await sos())[0]?.resolvedAt ?? null, { timeout: 10_000 }).not.toBeNull();
    // and it stays resolved: nothing raised late behind the stand-down
    await new Promise((r) => setTimeout(r, 500));
    expect((await sos()).map((a) => a.resolvedAt !== null)).toEqual([true]);
  });
});

describe('schema', () => {
  it('brings an up-to-date database up to date again without change', async () => {
    const before = await server.app.audit.list({ limit: 5 });
    await migrate(server.db);
    expect(await server.app.audit.list({ limit: 5 })).toEqual(before);
  });
});

describe('text either store can keep', () => {
  it('refuses a NUL character in any text with a 400 naming the field, on both stores, and stores nothing', async () => {
    const operator = await server.signIn('operator');
    const before = (await server.app.incidents.list()).length;
    const res = await operator.send('POST', '/api/incidents', { ...report('Herd taken\u0000 near Wunrok'), witnesses: undefined, victims: undefined });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'in the request body, the NUL character (\\u0000) is not accepted in text (at title)' } });
    expect((await server.app.incidents.list()).length).toBe(before);
  });
});
