import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { PatrolOrder, PatrolsSnapshot, type NewPatrolOrderInput } from '../../shared/patrols.js';
import { ManualClock } from '../../server/clock.js';
import { connectDashboard, postAsDevice, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

const MIN = 60_000;
// 08:00 in Juba (UTC+2).
const clock = new ManualClock(Date.parse('2027-02-15T06:00:00Z'));
let server: TestServer;
let operator: Client;
const tokens = new Map<string, string>();

// Bor field office, and two places out of town (illustrative coordinates).
const BOR = { lat: 6.2125, lon: 31.56083 };
const PARIAK = { lat: 6.07, lon: 31.55 };
const ANYIDI = { lat: 6.27, lon: 31.71 };
/** About 100 m north of a place: within a 300 m checkpoint radius. */
const near = (p: { lat: number; lon: number }) => ({ lat: p.lat + 0.0009, lon: p.lon });

const Created = z.object({ data: PatrolOrder });
const Refused = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }) });

const jubaTime = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Juba', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

async function addUnit(id: string, callsign: string): Promise<void> {
  await server.register([testUnit(id, { callsign, fieldOffice: 'bor' })]);
  tokens.set(id, await server.deviceToken(id));
}

/** The unit reports a position at the clock's time, and the watcher has checked it. */
async function at(unitId: string, p: { lat: number; lon: number }): Promise<void> {
  const res = await postAsDevice(`${server.url}/api/positions`, tokens.get(unitId) ?? '', { reports: [{ unitId, time: clock.now(), lat: p.lat, lon: p.lon }] });
  expect(res.status).toBe(200);
  await server.app.patrolWatcher.follow(unitId);
}

async function later(ms: number): Promise<void> {
  clock.advance(ms);
  await server.app.patrolWatcher.check();
}

const plan = (unitId: string, over: Partial<NewPatrolOrderInput> = {}): NewPatrolOrderInput => ({
  unitId,
  title: 'Bor south and east',
  startsAt: clock.now(),
  endsAt: clock.now() + 240 * MIN,
  checkpoints: [
    { name: 'Pariak', ...PARIAK, dueAt: clock.now() + 90 * MIN },
    { name: 'Anyidi', ...ANYIDI },
  ],
  ...over,
});

async function create(input: NewPatrolOrderInput): Promise<PatrolOrder> {
  const res = await operator.send('POST', '/api/patrols', input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Created.parse(res.body).data;
}

async function fetchOrder(id: string): Promise<PatrolOrder> {
  return Created.parse((await operator.get(`/api/patrols/${id}`)).body).data;
}

interface Screen {
  socket: DashboardSocket;
  alerts: Alert[];
  orders: PatrolOrder[];
}

async function screen(client: Client): Promise<Screen> {
  const socket = await connectDashboard(server.url, client);
  const s: Screen = { socket, alerts: [], orders: [] };
  socket.on('alert:raised', (a) => s.alerts.push(Alert.parse(a)));
  socket.on('alert:updated', (a) => s.alerts.push(Alert.parse(a)));
  socket.on('patrol:updated', (o) => s.orders.push(PatrolOrder.parse(o)));
  return s;
}

const isPatrolAlert = (a: Alert) => a.kind === 'checkpoint-missed' || a.kind === 'patrol-overdue';
/** The unit's patrol alerts as the screen last heard of each, in the order they were raised. */
const patrolAlerts = (s: Screen, unitId: string): Alert[] => {
  const latest = new Map<string, Alert>();
  for (const a of s.alerts) if (a.unitId === unitId && isPatrolAlert(a)) latest.set(a.id, a);
  return [...latest.values()];
};

beforeAll(async () => {
  // A long tick: the tests move the clock and run the watcher's check themselves.
  server = await startServer({ clock, config: { tickMs: 60_000 } });
});
// The clock moves hours at a time, past a session's life: each test signs in afresh.
beforeEach(async () => {
  operator = await server.signIn('operator');
});
afterAll(() => server.close());

describe('patrol orders', () => {
  it('completes an order whose unit reaches every checkpoint, in any order, and comes back, with no alert', async () => {
    await addUnit('bor-fpu-1', 'BOR-FPU-1');
    await at('bor-fpu-1', BOR);
    const desk = await screen(operator);
    const order = await create(plan('bor-fpu-1'));
    expect(order).toMatchObject({ status: 'active', returnTo: { name: 'Bor field office', radiusM: 2000 }, createdBy: expect.stringMatching(/^operator/) });
    await expect.poll(() => desk.orders.map((o) => [o.id, o.status])).toContainEqual([order.id, 'active']);

    await later(40 * MIN);
    await at('bor-fpu-1', near(ANYIDI));
    await later(30 * MIN);
    await at('bor-fpu-1', near(PARIAK));
    expect((await fetchOrder(order.id)).checkpoints.map((c) => c.reachedAt !== null)).toEqual([true, true]);
    await later(50 * MIN);
    await at('bor-fpu-1', BOR);

    const done = await fetchOrder(order.id);
    expect(done.status).toBe('completed');
    expect(done.completedAt).toBe(clock.now());
    expect(done.checkpoints.map((c) => c.missedAt)).toEqual([null, null]);
    await expect.poll(() => desk.orders.at(-1)?.status).toBe('completed');
    // Past the due time and the end of the window: a completed order stays quiet.
    await later(200 * MIN);
    expect(patrolAlerts(desk, 'bor-fpu-1')).toEqual([]);
    expect((await server.app.alerts.list()).filter((a) => a.unitId === 'bor-fpu-1' && isPatrolAlert(a))).toEqual([]);
    desk.socket.disconnect();
  });

  it('raises checkpoint-missed on every screen when a checkpoint is not reached by its due time', async () => {
    await addUnit('bor-fpu-2', 'BOR-FPU-2');
    await at('bor-fpu-2', BOR);
    const desk = await screen(operator);
    const screens = [desk, await screen(await server.signIn('commander')), await screen(await server.signIn('viewer'))];
    const order = await create(plan('bor-fpu-2'));
    const due = order.checkpoints[0]?.dueAt ?? 0;

    await later(60 * MIN);
    await at('bor-fpu-2', near(ANYIDI));
    await later(due - clock.now() - 1);
    expect((await fetchOrder(order.id)).checkpoints[0]?.missedAt).toBeNull();
    await later(1);

    const title = `BOR-FPU-2 missed checkpoint Pariak (due ${jubaTime(due)} Juba)`;
    for (const s of screens) {
      await expect.poll(() => patrolAlerts(s, 'bor-fpu-2').map((a) => [a.kind, a.title, a.severity])).toEqual([['checkpoint-missed', title, 2]]);
      await expect.poll(() => s.orders.at(-1)?.checkpoints[0]?.missedAt).toBe(due);
    }
    // Committed before any screen heard of it.
    expect((await server.app.alerts.list()).some((a) => a.title === title && a.resolvedAt === null)).toBe(true);
    expect((await fetchOrder(order.id)).status).toBe('active');

    // Reached after all, late: the alert's cause has gone; it waits for acknowledgement all the same.
    await later(10 * MIN);
    await at('bor-fpu-2', near(PARIAK));
    await expect.poll(() => patrolAlerts(desk, 'bor-fpu-2').at(-1)).toMatchObject({ kind: 'checkpoint-missed', resolvedAt: clock.now(), acknowledgedAt: null });
    const late = (await fetchOrder(order.id)).checkpoints[0];
    expect(late).toMatchObject({ missedAt: due, reachedAt: clock.now() });
    for (const s of screens) s.socket.disconnect();
  });

  it('gives a second missed checkpoint of the same unit an alert of its own', async () => {
    await addUnit('bor-fpu-3', 'BOR-FPU-3');
    await at('bor-fpu-3', BOR);
    const desk = await screen(operator);
    const start = clock.now();
    await create(
      plan('bor-fpu-3', {
        checkpoints: [
          { name: 'Pariak', ...PARIAK, dueAt: start + 60 * MIN },
          { name: 'Anyidi', ...ANYIDI, dueAt: start + 120 * MIN },
        ],
      }),
    );
    await later(60 * MIN);
    await later(60 * MIN);
    await expect
      .poll(() => patrolAlerts(desk, 'bor-fpu-3').filter((a) => a.kind === 'checkpoint-missed' && a.resolvedAt === null).map((a) => a.title))
      .toEqual([`BOR-FPU-3 missed checkpoint Anyidi (due ${jubaTime(start + 120 * MIN)} Juba)`]);
    // The first miss was superseded, not forgotten: it still waits for acknowledgement.
    expect(patrolAlerts(desk, 'bor-fpu-3').map((a) => [a.title.replace(/ \(.*/, ''), a.resolvedAt !== null, a.acknowledgedAt])).toEqual([
      ['BOR-FPU-3 missed checkpoint Pariak', true, null],
      ['BOR-FPU-3 missed checkpoint Anyidi', false, null],
    ]);
    desk.socket.disconnect();
  });

  it('raises patrol-overdue when the unit is not back by the end, and resolves it when it returns', async () => {
    await addUnit('bor-fpu-4', 'BOR-FPU-4');
    await at('bor-fpu-4', BOR);
    const desk = await screen(operator);
    const order = await create(plan('bor-fpu-4', { endsAt: clock.now() + 180 * MIN }));
    await later(30 * MIN);
    await at('bor-fpu-4', near(PARIAK));
    await later(60 * MIN);
    await at('bor-fpu-4', near(ANYIDI));
    await later(order.endsAt - clock.now());

    const title = `BOR-FPU-4 overdue: not back at Bor field office by ${jubaTime(order.endsAt)} Juba`;
    await expect.poll(() => patrolAlerts(desk, 'bor-fpu-4').map((a) => [a.kind, a.title, a.resolvedAt])).toEqual([['patrol-overdue', title, null]]);
    expect(await fetchOrder(order.id)).toMatchObject({ status: 'overdue', overdueAt: order.endsAt });

    await later(25 * MIN);
    await at('bor-fpu-4', { lat: BOR.lat + 0.01, lon: BOR.lon }); // 1.1 km out: inside the office's 2 km
    await expect.poll(() => patrolAlerts(desk, 'bor-fpu-4').at(-1)).toMatchObject({ kind: 'patrol-overdue', resolvedAt: clock.now() });
    expect(await fetchOrder(order.id)).toMatchObject({ status: 'completed', completedAt: clock.now(), overdueAt: order.endsAt });
    await expect.poll(() => desk.orders.at(-1)?.status).toBe('completed');
    desk.socket.disconnect();
  });

  it('follows a tracker that stored its fixes out of coverage and sent them in one batch', async () => {
    await addUnit('bor-fpu-5', 'BOR-FPU-5');
    await at('bor-fpu-5', BOR);
    const order = await create(plan('bor-fpu-5', { checkpoints: [{ name: 'Pariak', ...PARIAK }, { name: 'Anyidi', ...ANYIDI }] }));
    const t = clock.now();
    await later(150 * MIN);
    const reports = [
      { time: t + 30 * MIN, ...near(PARIAK) },
      { time: t + 60 * MIN, lat: 6.2, lon: 31.65 },
      { time: t + 90 * MIN, ...near(ANYIDI) },
      { time: t + 140 * MIN, ...BOR },
    ].map((r) => ({ unitId: 'bor-fpu-5', ...r }));
    expect((await postAsDevice(`${server.url}/api/positions`, tokens.get('bor-fpu-5') ?? '', { reports })).status).toBe(200);
    await server.app.patrolWatcher.follow('bor-fpu-5');
    expect(await fetchOrder(order.id)).toMatchObject({
      status: 'completed',
      completedAt: t + 140 * MIN,
      checkpoints: [{ reachedAt: t + 30 * MIN }, { reachedAt: t + 90 * MIN }],
    });
  });

  it('sends the orders to a screen as it connects', async () => {
    const viewer = await server.signIn('viewer');
    // Listening before the connection opens: the snapshot follows the units at once.
    const socket: DashboardSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: viewer.cookie } });
    const snapshot = await new Promise<PatrolsSnapshot>((resolve) => socket.once('patrols:snapshot', (s) => resolve(PatrolsSnapshot.parse(s))));
    expect(snapshot.orders.map((o) => o.unitId)).toEqual(expect.arrayContaining(['bor-fpu-1', 'bor-fpu-2', 'bor-fpu-4']));
    socket.disconnect();
  });
});

describe('refusals', () => {
  beforeAll(() => addUnit('bor-fpu-6', 'BOR-FPU-6'));

  const refused = async (body: unknown, status = 400) => {
    const res = await operator.send('POST', '/api/patrols', body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return Refused.parse(res.body).error;
  };
  const paths = async (body: unknown) => (await refused(body)).issues?.map((i) => i.path);

  it('names the field that is wrong', async () => {
    expect(await paths(plan('bor-fpu-6', { endsAt: clock.now() - 10 * MIN, startsAt: clock.now() }))).toEqual(['endsAt']);
    expect(await paths(plan('ghost-1'))).toEqual(['unitId']);
    expect((await refused(plan('ghost-1'))).issues?.[0]?.message).toMatch(/unknown unit "ghost-1"/);
    expect(await paths(plan('bor-fpu-6', { checkpoints: [] }))).toEqual(['checkpoints']);
    expect(await paths(plan('bor-fpu-6', { checkpoints: [{ name: 'Nowhere', lat: 200, lon: 31.5 }] }))).toEqual(['checkpoints[0].lat']);
    expect(await paths(plan('bor-fpu-6', { startsAt: clock.now() - 60 * MIN, endsAt: clock.now() - MIN, checkpoints: [{ name: 'Pariak', ...PARIAK }] }))).toEqual(['endsAt']);
    expect(await paths(plan('bor-fpu-6', { checkpoints: [{ name: 'Pariak', ...PARIAK, dueAt: clock.now() - MIN }], startsAt: clock.now() - 30 * MIN }))).toEqual([
      'checkpoints[0].dueAt',
    ]);
    expect((await refused('not an order')).code).toBe('invalid_input');
  });

  it('refuses a second order for a unit in an overlapping window', async () => {
    const first = await create(plan('bor-fpu-6', { title: 'Morning patrol' }));
    const clash = await refused(plan('bor-fpu-6', { startsAt: clock.now() + 60 * MIN, endsAt: clock.now() + 300 * MIN }), 409);
    expect(clash.message).toMatch(/BOR-FPU-6 already has the patrol order "Morning patrol"/);
    // Back to back is fine.
    await create(plan('bor-fpu-6', { startsAt: first.endsAt, endsAt: first.endsAt + 60 * MIN, checkpoints: [{ name: 'Pariak', ...PARIAK }] }));
  });

  it('lets a viewer read orders but not make them', async () => {
    const viewer = await server.signIn('viewer');
    expect((await viewer.send('POST', '/api/patrols', plan('bor-fpu-6', { startsAt: clock.now() + 1000 * MIN, endsAt: clock.now() + 1100 * MIN }))).status).toBe(403);
    const list = await viewer.get('/api/patrols');
    expect(list.status).toBe(200);
    expect(z.object({ data: z.array(PatrolOrder) }).parse(list.body).data.length).toBeGreaterThan(0);
    expect((await viewer.get('/api/patrols/not-an-id')).status).toBe(400);
    expect((await viewer.get('/api/patrols/8a5e1b0c-0d7e-4c55-9f1e-2b1f4c8d9e10')).status).toBe(404);
  });
});

describe('cancelling', () => {
  it('cancels an overdue order, resolves its alert, records who did it, and takes a retry calmly', async () => {
    await addUnit('bor-fpu-7', 'BOR-FPU-7');
    await at('bor-fpu-7', BOR);
    const desk = await screen(operator);
    const order = await create(plan('bor-fpu-7', { endsAt: clock.now() + 60 * MIN, checkpoints: [{ name: 'Pariak', ...PARIAK }] }));
    await later(30 * MIN);
    await at('bor-fpu-7', near(PARIAK));
    await later(30 * MIN);
    await expect.poll(() => patrolAlerts(desk, 'bor-fpu-7').map((a) => a.kind)).toEqual(['patrol-overdue']);

    const res = await operator.send('POST', `/api/patrols/${order.id}/cancel`, { reason: 'Vehicle broke down; crew safe at Pariak' });
    expect(res.status).toBe(200);
    expect(Created.parse(res.body).data).toMatchObject({ status: 'cancelled', cancelledAt: clock.now(), cancelledBy: expect.stringMatching(/^operator/) });
    await expect.poll(() => patrolAlerts(desk, 'bor-fpu-7').at(-1)?.resolvedAt).toBe(clock.now());
    await expect.poll(() => desk.orders.at(-1)?.status).toBe('cancelled');
    const audit = await server.app.audit.list({ limit: 50, action: 'patrol.cancel' });
    expect(audit.map((e) => [e.target, e.details])).toContainEqual([order.id, { unitId: 'bor-fpu-7', reason: 'Vehicle broke down; crew safe at Pariak' }]);

    const again = await operator.send('POST', `/api/patrols/${order.id}/cancel`);
    expect(again.status).toBe(200);
    expect((await server.app.audit.list({ limit: 50, action: 'patrol.cancel' })).filter((e) => e.target === order.id)).toHaveLength(1);
    expect((await server.app.audit.list({ limit: 200, action: 'patrol.create' })).some((e) => e.target === order.id)).toBe(true);
    desk.socket.disconnect();
  });

  it('refuses to cancel a completed order, and says so for an unknown one', async () => {
    const completed = (await operator.get('/api/patrols')).body;
    const done = z.object({ data: z.array(PatrolOrder) }).parse(completed).data.find((o) => o.status === 'completed');
    if (!done) throw new Error('no completed order from the earlier tests');
    expect((await operator.send('POST', `/api/patrols/${done.id}/cancel`)).status).toBe(409);
    expect((await operator.send('POST', '/api/patrols/8a5e1b0c-0d7e-4c55-9f1e-2b1f4c8d9e10/cancel')).status).toBe(404);
    expect((await operator.send('POST', '/api/patrols/nope/cancel')).status).toBe(400);
    expect((await (await server.signIn('viewer')).send('POST', `/api/patrols/${done.id}/cancel`)).status).toBe(403);
  });
});
