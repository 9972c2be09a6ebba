import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { ManualClock } from '../../server/clock.js';
import { connectDashboard, onUnitChanges, postAsDevice, startServer, testUnit, type TestServer } from '../support/server.js';

const clock = new ManualClock(Date.now());
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ clock, config: { tickMs: 60_000 } });
});
afterAll(() => server.close());

it('turns a silent unit stale, then lost, raising an alert every screen sees, and resolves it when the unit reports', async () => {
  const viewer = await server.signIn('viewer');
  const operator = await server.signIn('operator');
  await server.register([testUnit('tor-1', { callsign: 'TRT-FPU-1', fieldOffice: 'torit' })]);
  const tracker = await server.deviceToken('tor-1');
  const report = () => postAsDevice(`${server.url}/api/positions`, tracker, { reports: [{ unitId: 'tor-1', time: clock.now(), lat: 4.41, lon: 32.57 }] });
  expect((await report()).status).toBe(200);
  server.app.hub.tick();
  const socket = await connectDashboard(server.url, viewer);
  const desk = await connectDashboard(server.url, operator);
  const statuses: string[] = [];
  onUnitChanges(socket, (changed) => {
    for (const u of changed) statuses.push(u.status);
  });
  const seenAlerts = (s: typeof socket) => {
    const list: Alert[] = [];
    s.on('alert:raised', (a) => list.push(Alert.parse(a)));
    s.on('alert:updated', (a) => list.push(Alert.parse(a)));
    return list;
  };
  const viewerAlerts = seenAlerts(socket);
  const deskAlerts = seenAlerts(desk);

  // A vehicle patrol is stale after 2 minutes without a report, lost after 10.
  clock.advance(119_000);
  server.app.hub.tick();
  clock.advance(2_000);
  server.app.hub.tick();
  await new Promise((r) => setTimeout(r, 50));
  clock.advance(480_000);
  server.app.hub.tick();
  await expect.poll(() => statuses).toEqual(['stale', 'lost']);
  // Stale is a notice, born resolved; lost is the alert that waits for a desk.
  await expect.poll(() => viewerAlerts.map((a) => [a.kind, a.unitId, a.severity, a.resolvedAt !== null])).toEqual([
    ['unit-stale', 'tor-1', 1, true],
    ['unit-lost', 'tor-1', 3, false],
  ]);
  expect(deskAlerts[1]?.title).toMatch(/^TRT-FPU-1 lost/);

  // The desk acknowledges it: every screen sees who and when.
  const id = deskAlerts[1]?.id ?? '';
  expect((await viewer.send('POST', `/api/alerts/${id}/acknowledge`)).status).toBe(403);
  const ack = await operator.send('POST', `/api/alerts/${id}/acknowledge`);
  expect(ack.status).toBe(200);
  await expect.poll(() => viewerAlerts.at(-1)).toMatchObject({ id, acknowledgedBy: expect.stringMatching(/^operator/), acknowledgedAt: clock.now() });

  // The patrol reports again: it is live, and the alert is resolved for the record.
  expect((await report()).status).toBe(200);
  server.app.hub.tick();
  await expect.poll(() => statuses).toEqual(['stale', 'lost', 'live']);
  await expect.poll(() => viewerAlerts.at(-1)?.resolvedAt).toBe(clock.now());
  const listed = z.object({ data: z.array(Alert) }).parse((await viewer.get('/api/alerts')).body).data;
  expect(listed.find((a) => a.id === id)).toMatchObject({ acknowledgedBy: expect.stringMatching(/^operator/), resolvedAt: clock.now() });
  expect((await server.app.audit.list({ limit: 10, action: 'alert.acknowledge' }))[0]).toMatchObject({ target: id });
  socket.disconnect();
  desk.disconnect();
});

it('raises a critical alert for an SOS, once, however often the patrol repeats it', async () => {
  await server.register([testUnit('pib-1', { callsign: 'PIB-JNT-1', fieldOffice: 'pibor' })]);
  const token = await server.deviceToken('pib-1');
  const viewer = await server.signIn('viewer');
  const socket = await connectDashboard(server.url, viewer);
  const raised: Alert[] = [];
  socket.on('alert:raised', (a) => raised.push(Alert.parse(a)));
  for (let i = 0; i < 3; i++) {
    clock.advance(1000);
    await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'pib-1', time: clock.now(), lat: 6.8, lon: 33.13, activity: 'sos' }] });
  }
  await expect.poll(() => raised.map((a) => [a.kind, a.severity, a.title])).toEqual([['sos', 4, 'SOS from PIB-JNT-1']]);
  await new Promise((r) => setTimeout(r, 100));
  expect(raised).toHaveLength(1);
  // The SOS opened an incident where the patrol is, so dispatch can start at once.
  const sosIncidents = (await server.app.incidents.list()).filter((i) => i.title === 'SOS from PIB-JNT-1');
  expect(sosIncidents).toHaveLength(1);
  expect(sosIncidents[0]).toMatchObject({ category: 'threat-to-un', severity: 4, status: 'reported', location: { lat: 6.8, lon: 33.13 }, reportedBy: 'device:pib-1' });
  expect(raised[0]?.incidentId).toBe(sosIncidents[0]?.id);
  socket.disconnect();
});
