import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { IncidentSummary, type IncidentReportInput } from '../../shared/incidents.js';
import { ErrorBody } from '../../shared/reply.js';
import { ManualClock } from '../../server/clock.js';
import { connectDashboard, postAsDevice, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

const clock = new ManualClock(Date.parse('2027-03-02T06:00:00Z'));
const MINUTE = 60_000;
let server: TestServer;
let operator: Client;

/** Every alert a screen has heard of, by id, as last told. */
function watch(socket: DashboardSocket): Map<string, Alert> {
  const seen = new Map<string, Alert>();
  socket.on('alert:raised', (a) => seen.set(a.id, Alert.parse(a)));
  socket.on('alert:updated', (a) => seen.set(a.id, Alert.parse(a)));
  return seen;
}

const Created = z.object({ data: IncidentSummary });
const Failure = z.object({ ok: z.literal(false), error: ErrorBody });

async function report(over: Partial<IncidentReportInput>): Promise<IncidentSummary> {
  const res = await operator.send('POST', '/api/incidents', {
    category: 'crime',
    severity: 3,
    title: 'Shop looted',
    location: { lat: 4.85, lon: 31.6 },
    ...over,
  });
  expect(res.status).toBe(201);
  return Created.parse(res.body).data;
}

const forIncident = (seen: Map<string, Alert>, kind: Alert['kind'], incidentId: string) =>
  [...seen.values()].find((a) => a.kind === kind && a.incidentId === incidentId);

beforeAll(async () => {
  // The timer is left slow: each pass here is run by the test, after it moves the clock.
  server = await startServer({ clock, config: { tickMs: 60_000 } });
  operator = await server.signIn('operator');
});
afterAll(() => server.close());

describe('deadlines', () => {
  it('alerts every screen when a critical report is still unverified after 10 minutes, and resolves it once verified', async () => {
    const screens = [await connectDashboard(server.url, operator), await connectDashboard(server.url, await server.signIn('operator')), await connectDashboard(server.url, await server.signIn('viewer'))];
    const seen = screens.map(watch);
    const incident = await report({ category: 'threat-to-civilians', severity: 4, title: 'Armed group entering Gumbo' });

    clock.advance(9 * MINUTE + 50_000);
    await server.app.deadlines.check();
    expect(forIncident(seen[0] ?? new Map(), 'incident-unverified', incident.id)).toBeUndefined();

    clock.advance(10_000);
    await server.app.deadlines.check();
    for (const s of seen) {
      await expect.poll(() => forIncident(s, 'incident-unverified', incident.id)).toMatchObject({ severity: 4, resolvedAt: null, title: 'Not verified after 10 min: Armed group entering Gumbo' });
    }
    // A second pass raises nothing new.
    await server.app.deadlines.check();
    expect([...(seen[0]?.values() ?? [])].filter((a) => a.kind === 'incident-unverified' && a.incidentId === incident.id)).toHaveLength(1);

    expect((await operator.send('PATCH', `/api/incidents/${incident.id}`, { status: 'verified' })).status).toBe(200);
    for (const s of seen) await expect.poll(() => forIncident(s, 'incident-unverified', incident.id)?.resolvedAt).toBe(clock.now());
    for (const s of screens) s.disconnect();
  });

  it('alerts when nobody has been sent after the deadline, and resolves it when a patrol is assigned', async () => {
    const screen = await connectDashboard(server.url, operator);
    const seen = watch(screen);
    const incident = await report({ severity: 3, title: 'Cattle taken near Pariak', location: { lat: 6.35, lon: 31.55 } });
    expect((await operator.send('PATCH', `/api/incidents/${incident.id}`, { status: 'verified' })).status).toBe(200);

    clock.advance(59 * MINUTE);
    await server.app.deadlines.check();
    expect(forIncident(seen, 'incident-unassigned', incident.id)).toBeUndefined();
    clock.advance(MINUTE);
    await server.app.deadlines.check();
    await expect.poll(() => forIncident(seen, 'incident-unassigned', incident.id)?.title).toBe('No patrol sent after 60 min: Cattle taken near Pariak');
    // It was verified in time: no verification alert.
    expect(forIncident(seen, 'incident-unverified', incident.id)).toBeUndefined();

    await server.register([testUnit('bor-fpu-7', { callsign: 'BOR-FPU-7', fieldOffice: 'bor' })]);
    const token = await server.deviceToken('bor-fpu-7');
    const fix = await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'bor-fpu-7', time: clock.now(), lat: 6.3, lon: 31.5 }] });
    expect(fix.status).toBe(200);
    expect((await operator.send('POST', `/api/incidents/${incident.id}/assign`, { unitIds: ['bor-fpu-7'] })).status).toBe(200);
    await expect.poll(() => forIncident(seen, 'incident-unassigned', incident.id)?.resolvedAt).toBe(clock.now());
    screen.disconnect();
  });

  it('escalates an alert left unacknowledged past its deadline on every screen, once, and never an acknowledged one', async () => {
    const desks = [await connectDashboard(server.url, operator), await connectDashboard(server.url, await server.signIn('commander'))];
    const seen = desks.map(watch);
    const left = await report({ category: 'intercommunal-clash', severity: 4, title: 'Clash at Mingkaman' });
    const handled = await report({ category: 'intercommunal-clash', severity: 4, title: 'Clash at Yirol', location: { lat: 6.55, lon: 30.5 } });
    clock.advance(10 * MINUTE);
    await server.app.deadlines.check();
    const unverified = (id: string, s: Map<string, Alert>) => forIncident(s, 'incident-unverified', id);
    await expect.poll(() => unverified(handled.id, seen[0] ?? new Map())?.id).toEqual(expect.any(String));
    const handledAlert = unverified(handled.id, seen[0] ?? new Map());
    expect((await operator.send('POST', `/api/alerts/${handledAlert?.id}/acknowledge`)).status).toBe(200);
    // Acknowledgement reaches every screen, with who did it.
    for (const s of seen) await expect.poll(() => unverified(handled.id, s)?.acknowledgedBy).toMatch(/^operator/);

    clock.advance(MINUTE);
    await server.app.deadlines.check();
    expect(unverified(left.id, seen[0] ?? new Map())?.escalatedAt).toBeNull();
    clock.advance(MINUTE);
    await server.app.deadlines.check();
    const escalatedAt = clock.now();
    for (const s of seen) await expect.poll(() => unverified(left.id, s)?.escalatedAt).toBe(escalatedAt);
    expect(unverified(handled.id, seen[1] ?? new Map())?.escalatedAt).toBeNull();

    clock.advance(5 * MINUTE);
    await server.app.deadlines.check();
    expect(unverified(left.id, seen[0] ?? new Map())?.escalatedAt).toBe(escalatedAt);
    for (const d of desks) d.disconnect();
  });

  it('never escalates a notice or a low-severity alert', async () => {
    const screen = await connectDashboard(server.url, operator);
    const seen = watch(screen);
    const low = await report({ category: 'other', severity: 1, title: 'Road blocked by a fallen tree', location: { lat: 5.0, lon: 29.0 } });
    clock.advance(8 * 60 * MINUTE);
    await server.app.deadlines.check();
    await expect.poll(() => forIncident(seen, 'incident-unverified', low.id)?.severity).toBe(1);
    clock.advance(24 * 60 * MINUTE);
    await server.app.deadlines.check();
    expect(forIncident(seen, 'incident-unverified', low.id)?.escalatedAt).toBeNull();
    screen.disconnect();
  });
});

describe('the incident lifecycle on the server', () => {
  // The clock moved a day and more above: a fresh sign-in.
  beforeAll(async () => {
    operator = await server.signIn('operator');
  });

  it('refuses a status the incident cannot move to, saying where it can go', async () => {
    const incident = await report({ title: 'Fight at the water point' });
    const skip = await operator.send('PATCH', `/api/incidents/${incident.id}`, { status: 'closed' });
    expect(skip.status).toBe(409);
    expect(Failure.parse(skip.body).error).toMatchObject({ code: 'conflict', message: 'a reported incident cannot become closed; it can become verified, responding, false-report' });

    expect((await operator.send('PATCH', `/api/incidents/${incident.id}`, { status: 'false-report' })).status).toBe(200);
    const reopen = await operator.send('PATCH', `/api/incidents/${incident.id}`, { status: 'responding' });
    expect(reopen.status).toBe(409);
    expect(Failure.parse(reopen.body).error.message).toBe('a false-report incident cannot become responding; it is finished');
    const assign = await operator.send('POST', `/api/incidents/${incident.id}/assign`, { unitIds: ['bor-fpu-7'] });
    expect(assign.status).toBe(409);
    expect(Failure.parse(assign.body).error.message).toMatch(/marked a false report/);

    // Nothing refused was written: the timeline holds the report and the one accepted change.
    const timeline = z.object({ data: z.array(z.object({ action: z.string(), changes: z.record(z.string(), z.unknown()) })) }).parse((await operator.get(`/api/incidents/${incident.id}/timeline`)).body).data;
    expect(timeline.map((e) => [e.action, e.changes.status])).toEqual([
      ['created', undefined],
      ['updated', 'false-report'],
    ]);
  });

  it('attaches the nearest POC site and field office, withholding the distance where the location is coarsened', async () => {
    const near = await report({ category: 'poc-site-security', title: 'Stone-throwing at the gate', location: { lat: 9.55, lon: 31.6637 } });
    expect(near.fieldOffice).toBe('malakal');
    expect(near.nearestSite).toMatchObject({ id: 'malakal-poc', name: 'Malakal POC' });
    expect(near.nearestSite?.distanceKm).toBeCloseTo(1.0, 0);

    const sgbv = await report({ category: 'sgbv', title: 'Assault reported by a woman collecting firewood', location: { lat: 9.52, lon: 31.64 } });
    const viewer = await server.signIn('viewer');
    const seen = IncidentSummary.parse((z.object({ data: z.unknown() }).parse((await viewer.get(`/api/incidents/${sgbv.id}`)).body)).data);
    expect(seen.locationCoarsened).toBe(true);
    expect(seen.nearestSite).toEqual({ id: 'malakal-poc', name: 'Malakal POC', distanceKm: null });
  });
});
