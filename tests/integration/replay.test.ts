import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IncidentSummary, type IncidentReportInput } from '../../shared/incidents.js';
import { ReplayRange, ReplayState, ReplayTracks } from '../../shared/replay.js';
import { ManualClock } from '../../server/clock.js';
import { coarsen } from '../../server/incidents/redaction.js';
import { postAsDevice, startServer, testUnit, type Client, type TestServer } from '../support/server.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 08:00 in Juba (UTC+2).
const T0 = Date.parse('2027-03-10T06:00:00Z');
const clock = new ManualClock(T0);
let server: TestServer;
let operator: Client;
let viewer: Client;
let investigator: Client;
const tokens = new Map<string, string>();

// Around Bor (illustrative coordinates): the field office, a road north, and Pariak to the south.
const BOR = { lat: 6.2125, lon: 31.56083 };
const PARIAK = { lat: 6.07, lon: 31.55 };
const ROAD = [
  { lat: 6.2125, lon: 31.56083 },
  { lat: 6.18, lon: 31.558 },
  { lat: 6.14, lon: 31.555 },
  { lat: 6.1, lon: 31.552 },
];
const SHELTER = { lat: 6.22371, lon: 31.57912 };
const CLINIC = { lat: 6.23514, lon: 31.54433 };

const Ok = <S extends z.ZodType>(data: S) => z.object({ ok: z.literal(true), data });
const Refused = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});
const Created = Ok(IncidentSummary);

/** The unit's tracker reports a position stamped with the clock's time (or `time`). */
async function report(unitId: string, p: { lat: number; lon: number }, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await postAsDevice(`${server.url}/api/positions`, tokens.get(unitId) ?? '', {
    reports: [{ unitId, time: clock.now(), lat: p.lat, lon: p.lon, speed: 8.5, heading: 180, accuracy: 6, ...extra }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Waits until `read` gives something other than null (expect.poll is for inside a test). */
async function until<T>(read: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function stateAt(client: Client, at: number): Promise<ReplayState> {
  const res = await client.get(`/api/replay/state?at=${at}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Ok(ReplayState).parse(res.body).data;
}

const unitIn = (state: ReplayState, id: string) => state.units.find((u) => u.id === id);
const incidentIn = (state: ReplayState, id: string) => state.incidents.find((i) => i.id === id);

let clashId = '';
let assaultId = '';
let theftId = '';
let sosIncidentId = '';

// Times of the scene, as offsets from T0.
const FIX_TIMES = [0, 5, 10, 15].map((m) => T0 + m * MIN);
const CLASH_REPORTED = T0 + 12 * MIN;
const CLASH_MOVED = T0 + 15 * MIN;
const CLASH_VERIFIED = T0 + 20 * MIN;
const PATROL_SENT = T0 + 22 * MIN;
const ASSAULT_REPORTED = T0 + 25 * MIN;
const SOS_RAISED = T0 + 26 * MIN;
const SOS_CANCELLED = T0 + 28 * MIN;
const PATROL_ARRIVED = T0 + 30 * MIN;
const THEFT_PROTECTED = T0 + 35 * MIN;

const clash: IncidentReportInput = {
  category: 'intercommunal-clash',
  severity: 3,
  title: 'Clash reported at Pariak',
  location: { lat: PARIAK.lat + 0.02, lon: PARIAK.lon },
};
const assault: IncidentReportInput = {
  category: 'sgbv',
  severity: 4,
  title: 'Assault reported near the clinic',
  location: CLINIC,
  victims: [{ name: 'Nyandeng Chol', sex: 'female', age: 19 }],
  witnesses: [{ name: 'Garang Deng', sex: 'male' }],
};
const theft: IncidentReportInput = { category: 'crime', severity: 2, title: 'Theft at Bor market', location: { lat: 6.20871, lon: 31.55844 } };

beforeAll(async () => {
  server = await startServer({ clock });
  operator = await server.signIn('operator');
  viewer = await server.signIn('viewer');
  investigator = await server.signIn('commander', { sensitive: true });
  await server.register([
    testUnit('bor-fpu-1', { callsign: 'BOR-FPU-1', fieldOffice: 'bor' }),
    testUnit('bor-fpu-2', { callsign: 'BOR-FPU-2', fieldOffice: 'bor' }),
    testUnit('bor-ipo-3', { callsign: 'BOR-IPO-3', fieldOffice: 'bor', type: 'ipo-foot' }),
    testUnit('bor-post-4', { callsign: 'BOR-POST-4', fieldOffice: 'bor', type: 'static-post' }),
  ]);
  for (const id of ['bor-fpu-1', 'bor-fpu-2', 'bor-ipo-3', 'bor-post-4']) tokens.set(id, await server.deviceToken(id));

  // A static post that last reported seven hours before the scene.
  clock.set(T0 - 7 * HOUR);
  await report('bor-post-4', BOR, { speed: 0 });

  // BOR-FPU-1 drives south every five minutes; the others hold their places.
  clock.set(T0);
  await report('bor-fpu-1', ROAD[0] ?? BOR);
  await report('bor-fpu-2', BOR);
  await report('bor-ipo-3', SHELTER);
  clock.set(FIX_TIMES[1] ?? 0);
  await report('bor-fpu-1', ROAD[1] ?? BOR);
  clock.set(FIX_TIMES[2] ?? 0);
  await report('bor-fpu-1', ROAD[2] ?? BOR);
  await report('bor-fpu-2', BOR);

  clock.set(CLASH_REPORTED);
  const created = await operator.send('POST', '/api/incidents', clash);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  clashId = Created.parse(created.body).data.id;
  const crime = await operator.send('POST', '/api/incidents', theft);
  theftId = Created.parse(crime.body).data.id;

  clock.set(CLASH_MOVED);
  await report('bor-fpu-1', ROAD[3] ?? BOR);
  expect((await operator.send('PATCH', `/api/incidents/${clashId}`, { location: PARIAK, severity: 4 })).status).toBe(200);

  clock.set(CLASH_VERIFIED);
  expect((await operator.send('PATCH', `/api/incidents/${clashId}`, { status: 'verified' })).status).toBe(200);

  clock.set(PATROL_SENT);
  await report('bor-fpu-2', BOR);
  expect((await operator.send('POST', `/api/incidents/${clashId}/assign`, { unitIds: ['bor-fpu-2'] })).status).toBe(200);

  clock.set(ASSAULT_REPORTED);
  const sensitive = await investigator.send('POST', '/api/incidents', assault);
  expect(sensitive.status).toBe(201);
  assaultId = Created.parse(sensitive.body).data.id;

  clock.set(SOS_RAISED);
  await report('bor-ipo-3', SHELTER, { activity: 'sos' });
  sosIncidentId = await until(async () => (await server.app.alerts.list()).find((a) => a.kind === 'sos' && a.unitId === 'bor-ipo-3')?.incidentId ?? null, 'the SOS alert');

  clock.set(SOS_CANCELLED);
  await report('bor-ipo-3', SHELTER, { activity: 'on-patrol' });
  expect(await until(async () => (await server.app.alerts.list()).find((a) => a.kind === 'sos')?.resolvedAt ?? null, 'the SOS to be cancelled')).toBe(SOS_CANCELLED);

  // BOR-FPU-2 reaches Pariak: within 300 m, its arrival is recorded.
  clock.set(PATROL_ARRIVED);
  await report('bor-fpu-2', { lat: PARIAK.lat + 0.001, lon: PARIAK.lon });
  expect(await until(async () => (await server.app.incidents.get(clashId))?.assignments[0]?.arrivedAt ?? null, 'the arrival')).toBe(PATROL_ARRIVED);

  // The theft turns out to be a protected human-rights case, later on.
  clock.set(THEFT_PROTECTED);
  expect((await operator.send('PATCH', `/api/incidents/${theftId}`, { protected: true })).status).toBe(200);

  clock.set(T0 + 40 * MIN);
}, 60_000);

afterAll(() => server?.close());

describe('units at a moment', () => {
  it('puts each unit at its last fix at or before the moment, with its status then', async () => {
    const state = await stateAt(operator, T0 + 6 * MIN);
    expect(state.at).toBe(T0 + 6 * MIN);
    const one = unitIn(state, 'bor-fpu-1');
    expect(one?.last).toMatchObject({ time: FIX_TIMES[1], lat: ROAD[1]?.lat, lon: ROAD[1]?.lon, speed: 8.5, heading: 180, accuracy: 6 });
    expect(one).toMatchObject({ callsign: 'BOR-FPU-1', type: 'fpu-vehicle', fieldOffice: 'bor', status: 'live', activity: 'on-patrol' });
    // Six minutes without a report: a vehicle patrol is stale after two.
    expect(unitIn(state, 'bor-fpu-2')).toMatchObject({ status: 'stale', last: { time: T0, lat: BOR.lat, lon: BOR.lon } });
    expect(unitIn(state, 'bor-ipo-3')?.last?.time).toBe(T0);
    // Silent for over six hours by then: left off the replayed map.
    expect(unitIn(state, 'bor-post-4')).toBeUndefined();

    // A fix stamped exactly at the moment counts.
    expect(unitIn(await stateAt(operator, FIX_TIMES[2] ?? 0), 'bor-fpu-1')?.last).toMatchObject({ time: FIX_TIMES[2], lat: ROAD[2]?.lat });
    // A second before it, the one before.
    expect(unitIn(await stateAt(operator, (FIX_TIMES[2] ?? 0) - 1000), 'bor-fpu-1')?.last?.time).toBe(FIX_TIMES[1]);
    // Before anyone reported, nobody is on the map but the post, lost an hour after its report.
    const before = await stateAt(operator, T0 - 5 * HOUR);
    expect(before.units.map((u) => u.id)).toEqual(['bor-post-4']);
    expect(before.units[0]?.status).toBe('lost');
    expect(before.incidents).toEqual([]);
  });

  it('shows a patrol responding from when it was sent until it arrived, and an SOS while it was open', async () => {
    expect(unitIn(await stateAt(operator, PATROL_SENT - 1000), 'bor-fpu-2')?.activity).toBe('on-patrol');
    expect(unitIn(await stateAt(operator, PATROL_SENT + MIN), 'bor-fpu-2')?.activity).toBe('responding');
    const arrived = unitIn(await stateAt(operator, PATROL_ARRIVED + MIN), 'bor-fpu-2');
    expect(arrived?.activity).toBe('on-patrol');
    expect(arrived?.last).toMatchObject({ time: PATROL_ARRIVED, lat: PARIAK.lat + 0.001 });

    expect(unitIn(await stateAt(operator, SOS_RAISED - 1000), 'bor-ipo-3')?.activity).toBe('on-patrol');
    expect(unitIn(await stateAt(operator, SOS_RAISED + MIN), 'bor-ipo-3')?.activity).toBe('sos');
    expect(unitIn(await stateAt(operator, SOS_CANCELLED + 1000), 'bor-ipo-3')?.activity).toBe('on-patrol');
  });
});

describe('incidents at a moment', () => {
  it('shows an incident only once reported, then as it stood after each change', async () => {
    expect(incidentIn(await stateAt(operator, CLASH_REPORTED - 1000), clashId)).toBeUndefined();

    const reported = incidentIn(await stateAt(operator, CLASH_REPORTED), clashId);
    expect(reported).toMatchObject({ status: 'reported', severity: 3, location: clash.location, assignments: [], reportedAt: CLASH_REPORTED, updatedAt: CLASH_REPORTED });

    const moved = incidentIn(await stateAt(operator, CLASH_MOVED + 1000), clashId);
    expect(moved).toMatchObject({ status: 'reported', severity: 4, location: PARIAK, fieldOffice: 'bor', updatedAt: CLASH_MOVED });

    expect(incidentIn(await stateAt(operator, CLASH_VERIFIED + 1000), clashId)?.status).toBe('verified');

    const sent = incidentIn(await stateAt(operator, PATROL_SENT + 1000), clashId);
    expect(sent?.status).toBe('responding');
    expect(sent?.assignments).toEqual([{ unitId: 'bor-fpu-2', assignedAt: PATROL_SENT, assignedBy: expect.stringMatching(/operator/) as unknown, arrivedAt: null }]);

    const arrived = incidentIn(await stateAt(operator, PATROL_ARRIVED), clashId);
    expect(arrived?.assignments[0]?.arrivedAt).toBe(PATROL_ARRIVED);

    // Today's record agrees with the last replayed version.
    const now = Ok(IncidentSummary).parse((await operator.get(`/api/incidents/${clashId}`)).body).data;
    expect(incidentIn(await stateAt(operator, T0 + 40 * MIN), clashId)).toEqual(now);

    // The SOS opened an incident where the patrol was.
    expect(incidentIn(await stateAt(operator, SOS_RAISED + MIN), sosIncidentId)).toMatchObject({ category: 'threat-to-un', severity: 4, location: SHELTER });
  });

  it('coarsens a need-to-know incident for a viewer and never sends anyone its people', async () => {
    const forViewer = await viewer.get(`/api/replay/state?at=${ASSAULT_REPORTED + MIN}`);
    const forInvestigator = await investigator.get(`/api/replay/state?at=${ASSAULT_REPORTED + MIN}`);
    for (const body of [forViewer.body, forInvestigator.body]) {
      const text = JSON.stringify(body);
      for (const secret of ['Nyandeng', 'Garang Deng', 'victims', 'witnesses']) expect(text).not.toContain(secret);
    }
    const seenByViewer = incidentIn(Ok(ReplayState).parse(forViewer.body).data, assaultId);
    expect(seenByViewer).toMatchObject({ locationCoarsened: true, sensitive: true, location: { lat: coarsen(CLINIC.lat), lon: coarsen(CLINIC.lon) } });
    expect(seenByViewer?.nearestSite?.distanceKm ?? null).toBeNull();
    expect(JSON.stringify(forViewer.body)).not.toContain(String(CLINIC.lat));
    expect(JSON.stringify(forViewer.body)).not.toContain(String(CLINIC.lon));
    // The SOS incident at the same shelter is not need-to-know: exact for everyone.
    expect(incidentIn(Ok(ReplayState).parse(forViewer.body).data, sosIncidentId)?.location).toEqual(SHELTER);

    const seenWithNeedToKnow = incidentIn(Ok(ReplayState).parse(forInvestigator.body).data, assaultId);
    expect(seenWithNeedToKnow).toMatchObject({ locationCoarsened: false, location: CLINIC });

    // Marked protected later: its past is not shown exactly to a viewer either.
    const theftThen = incidentIn(await stateAt(viewer, CLASH_REPORTED + MIN), theftId);
    expect(theftThen).toMatchObject({ protected: false, sensitive: true, locationCoarsened: true });
    expect(theftThen?.location).toEqual({ lat: coarsen(theft.location.lat), lon: coarsen(theft.location.lon) });
    expect(incidentIn(await stateAt(operator, CLASH_REPORTED + MIN), theftId)?.locationCoarsened).toBe(true);
  });
});

describe('tracks over a window', () => {
  it('gives every fix of each unit, each incident version and the activity spans', async () => {
    const res = await viewer.get(`/api/replay/tracks?from=${T0}&to=${T0 + 40 * MIN}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tracks = Ok(ReplayTracks).parse(res.body).data;
    expect(tracks).toMatchObject({ from: T0, to: T0 + 40 * MIN, everyS: 0 });
    const one = tracks.units.find((u) => u.unitId === 'bor-fpu-1');
    expect(one?.fixes).toEqual(FIX_TIMES.map((t, i) => [t, ROAD[i]?.lon, ROAD[i]?.lat, 8.5, 180, 6, 0]));
    // The post reported outside the window.
    expect(tracks.units.find((u) => u.unitId === 'bor-post-4')).toBeUndefined();

    const clashVersions = tracks.incidents.filter((c) => c.incident.id === clashId);
    expect(clashVersions.map((c) => [c.time, c.incident.status])).toEqual([
      [CLASH_REPORTED, 'reported'],
      [CLASH_MOVED, 'reported'],
      [CLASH_VERIFIED, 'verified'],
      [PATROL_SENT, 'responding'],
      [PATROL_ARRIVED, 'responding'],
    ]);
    const times = tracks.incidents.map((c) => c.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Redacted as the state is: the viewer gets the assault coarsened, and nobody's name.
    expect(tracks.incidents.find((c) => c.incident.id === assaultId)?.incident.locationCoarsened).toBe(true);
    for (const secret of ['Nyandeng', 'Garang Deng', 'victims', 'witnesses']) expect(JSON.stringify(res.body)).not.toContain(secret);

    expect(tracks.activities).toEqual(
      expect.arrayContaining([
        { unitId: 'bor-ipo-3', activity: 'sos', from: SOS_RAISED, until: SOS_CANCELLED },
        { unitId: 'bor-fpu-2', activity: 'responding', from: PATROL_SENT, until: PATROL_ARRIVED },
      ]),
    );
  });

  it('thins a fast replay to one fix per unit in everyS seconds, keeping the last', async () => {
    const tracks = Ok(ReplayTracks).parse((await viewer.get(`/api/replay/tracks?from=${T0}&to=${T0 + 40 * MIN}&everyS=600`)).body).data;
    expect(tracks.everyS).toBe(600);
    expect(tracks.units.find((u) => u.unitId === 'bor-fpu-1')?.fixes.map((f) => f[0])).toEqual([FIX_TIMES[0], FIX_TIMES[2], FIX_TIMES[3]]);
  });

  it('gives a window that starts after a change only what changed inside it', async () => {
    const tracks = Ok(ReplayTracks).parse((await viewer.get(`/api/replay/tracks?from=${CLASH_VERIFIED}&to=${T0 + 40 * MIN}`)).body).data;
    expect(tracks.incidents.filter((c) => c.incident.id === clashId).map((c) => c.time)).toEqual([PATROL_SENT, PATROL_ARRIVED]);
    expect(tracks.units.find((u) => u.unitId === 'bor-fpu-1')).toBeUndefined();
  });
});

describe('refusals', () => {
  const refusal = async (path: string, client: Client = viewer) => {
    const res = await client.get(path);
    return { status: res.status, error: Refused.parse(res.body).error };
  };

  it('names the missing or bad field', async () => {
    for (const [path, field] of [
      ['/api/replay/state', 'at'],
      ['/api/replay/state?at=yesterday', 'at'],
      ['/api/replay/state?at=-5', 'at'],
      ['/api/replay/state?at=1&at=2', 'at'],
      [`/api/replay/tracks?from=${T0}`, 'to'],
      [`/api/replay/tracks?to=${T0}`, 'from'],
      [`/api/replay/tracks?from=${T0}&to=${T0}`, 'to'],
      [`/api/replay/tracks?from=${T0}&to=${T0 + 3 * HOUR}`, 'to'],
      [`/api/replay/tracks?from=${T0}&to=${T0 + MIN}&everyS=often`, 'everyS'],
      [`/api/replay/tracks?from=${T0}&to=${T0 + MIN}&everyS=900`, 'everyS'],
    ] as const) {
      const { status, error } = await refusal(path);
      expect(status, path).toBe(400);
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.map((i) => i.path), path).toContain(field);
      expect(error.message, path).toContain(`${field}:`);
    }
  });

  it('says the range when a moment is older than replay keeps, or in the future', async () => {
    const now = clock.now();
    const old = await refusal(`/api/replay/state?at=${now - 25 * HOUR}`);
    expect(old.status).toBe(400);
    expect(old.error.message).toContain('replay covers the last 24 h');
    expect(old.error.message).toContain(new Date(now - 24 * HOUR).toISOString());
    expect(old.error.message).toContain(new Date(now).toISOString());
    expect(old.error.issues?.[0]?.path).toBe('at');

    const future = await refusal(`/api/replay/state?at=${now + HOUR}`);
    expect(future.status).toBe(400);
    expect(future.error.message).toMatch(/^at is in the future; replay covers the last 24 h/);

    const tracksOld = await refusal(`/api/replay/tracks?from=${now - 25 * HOUR}&to=${now - 24 * HOUR}`);
    expect(tracksOld.error.issues?.[0]?.path).toBe('from');

    const range = Ok(ReplayRange).parse((await viewer.get('/api/replay/range')).body).data;
    expect(range).toEqual({ from: now - 24 * HOUR, to: now, hours: 24, lookbackMs: 6 * HOUR, maxTracksMs: 2 * HOUR });
  });

  it('is for people who may read the map', async () => {
    const anonymous = await fetch(`${server.url}/api/replay/state?at=${T0}`);
    expect(anonymous.status).toBe(401);
    const device = await fetch(`${server.url}/api/replay/state?at=${T0}`, { headers: { authorization: `Bearer ${tokens.get('bor-fpu-1') ?? ''}` } });
    expect(device.status).toBe(403);
  });
});

describe('a longer replay when configured', () => {
  it('reaches back REPLAY_HOURS', async () => {
    const longer = await startServer({ clock, config: { replayHours: 72 } });
    try {
      const admin = await longer.signIn('admin');
      const res = await admin.get(`/api/replay/state?at=${clock.now() - 60 * HOUR}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const refused = await admin.get(`/api/replay/state?at=${clock.now() - 73 * HOUR}`);
      expect(Refused.parse(refused.body).error.message).toContain('replay covers the last 72 h');
    } finally {
      await longer.close();
    }
  });
});

describe('a mission’s hour', () => {
  it('finds each of 1,000 units at its fix of the moment, and says how long that took', async () => {
    const big = await startServer({ clock });
    try {
      const admin = await big.signIn('admin');
      const ids = Array.from({ length: 1000 }, (_, i) => `unit-${String(i).padStart(4, '0')}`);
      await big.register(ids.map((id) => testUnit(id, { fieldOffice: 'malakal' })));
      // An hour of fixes every 30 s for each unit, each unit offset by its number of seconds.
      const end = clock.now();
      const place = (u: number, t: number) => ({ lat: 9.5 + u / 10_000, lon: 31.6 + t / 10_000_000 });
      let reports: { unitId: string; time: number; lat: number; lon: number }[] = [];
      for (let t = end - HOUR; t <= end; t += 30_000) {
        ids.forEach((unitId, u) => reports.push({ unitId, time: t - (u % 30) * 1000, ...place(u, t - (u % 30) * 1000 - (end - HOUR)) }));
        if (reports.length >= 10_000) {
          expect((await admin.send('POST', '/api/positions', { reports })).status).toBe(200);
          reports = [];
        }
      }
      if (reports.length > 0) expect((await admin.send('POST', '/api/positions', { reports })).status).toBe(200);

      const at = end - 20 * MIN + 7_000;
      const timings: number[] = [];
      let state: ReplayState | null = null;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await admin.get(`/api/replay/state?at=${at}`);
        timings.push(performance.now() - started);
        state = Ok(ReplayState).parse(res.body).data;
      }
      expect(state?.units).toHaveLength(1000);
      for (const [u, unitId] of ids.entries()) {
        // The unit's fixes are at end − HOUR + k·30 s − (u mod 30) s: the last at or before `at`.
        const offset = (u % 30) * 1000;
        const k = Math.floor((at + offset - (end - HOUR)) / 30_000);
        const time = end - HOUR + k * 30_000 - offset;
        expect(unitIn(state ?? { units: [] } as unknown as ReplayState, unitId)?.last).toMatchObject({ time, ...place(u, time - (end - HOUR)) });
      }

      const started = performance.now();
      const hour = await admin.get(`/api/replay/tracks?from=${end - HOUR}&to=${end}`);
      const tracksMs = performance.now() - started;
      const tracks = Ok(ReplayTracks).parse(hour.body).data;
      // 121 fixes an hour for a unit reporting on the minute and half-minute; 120 for the others.
      const expected = ids.reduce((n, _id, u) => n + (u % 30 === 0 ? 121 : 120), 0);
      expect(tracks.units.reduce((n, u) => n + u.fixes.length, 0)).toBe(expected);
      // Thinned by the database to one fix a minute per unit, each still ending at its last fix.
      const thinStarted = performance.now();
      const thin = Ok(ReplayTracks).parse((await admin.get(`/api/replay/tracks?from=${end - HOUR}&to=${end}&everyS=60`)).body).data;
      const thinMs = performance.now() - thinStarted;
      for (const unit of thin.units) {
        const all = tracks.units.find((u) => u.unitId === unit.unitId)?.fixes ?? [];
        expect(unit.fixes.length).toBeLessThanOrEqual(62);
        expect(unit.fixes.at(-1)).toEqual(all.at(-1));
        expect(unit.fixes[0]).toEqual(all[0]);
        for (let i = 1; i < unit.fixes.length - 1; i++) expect((unit.fixes[i]?.[0] ?? 0) - (unit.fixes[i - 1]?.[0] ?? 0)).toBeGreaterThanOrEqual(30_000);
      }
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(
        `replay state of 1,000 units: median ${Math.round(sorted[2] ?? 0)} ms (runs: ${timings.map((t) => Math.round(t)).join(', ')} ms, ${big.store}); ` +
          `an hour of tracks (${expected} fixes): ${Math.round(tracksMs)} ms; thinned to one a minute (${thin.units.reduce((n, u) => n + u.fixes.length, 0)} fixes): ${Math.round(thinMs)} ms`,
      );
    } finally {
      await big.close();
    }
  }, 240_000);
});
