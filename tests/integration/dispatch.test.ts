import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { DispatchCandidate, IncidentEvent, IncidentSummary } from '../../shared/incidents.js';
import { connectDashboard, postAsDevice, startServer, testUnit, type Client, type TestServer } from '../support/server.js';

let server: TestServer;
let operator: Client;
const tokens = new Map<string, string>();

const at = async (unitId: string, lat: number, lon: number, extra: Record<string, unknown> = {}) => {
  const res = await postAsDevice(`${server.url}/api/positions`, tokens.get(unitId) ?? '', { reports: [{ unitId, time: Date.now(), lat, lon, ...extra }] });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 100 } });
  operator = await server.signIn('operator');
  await server.register([
    testUnit('mal-fpu-1', { callsign: 'MAL-FPU-1' }),
    testUnit('mal-fpu-2', { callsign: 'MAL-FPU-2' }),
    testUnit('mal-ipo-3', { callsign: 'MAL-IPO-3', type: 'ipo-foot' }),
    testUnit('mal-post-4', { callsign: 'MAL-POST-4', type: 'static-post' }),
    testUnit('mal-fpu-5', { callsign: 'MAL-FPU-5' }),
  ]);
  for (const id of ['mal-fpu-1', 'mal-fpu-2', 'mal-ipo-3', 'mal-post-4', 'mal-fpu-5']) tokens.set(id, await server.deviceToken(id));
});
afterAll(() => server.close());

it('ranks the truly nearest available patrol first, assigns it, and records its arrival and time to respond', async () => {
  const incidentAt = { lat: 9.56, lon: 31.68 };
  await at('mal-fpu-1', 9.6, 31.72); // ~6 km by car
  await at('mal-fpu-2', 9.5, 31.6); // ~11 km by car
  await at('mal-ipo-3', 9.562, 31.682); // 300 m away, on foot
  await at('mal-post-4', 9.5601, 31.6801); // right there, but a static post does not move
  await at('mal-fpu-5', 9.561, 31.681, { activity: 'sos' }); // closest vehicle, but in SOS itself

  const made = await operator.send('POST', '/api/incidents', { category: 'crime', severity: 3, title: 'Robbery at the market', location: incidentAt });
  const id = z.object({ data: z.object({ id: z.string() }) }).parse(made.body).data.id;
  const ranked = z.object({ data: z.array(DispatchCandidate) }).parse((await operator.get(`/api/incidents/${id}/dispatch`)).body).data;
  expect(ranked.map((c) => c.unitId)).toEqual(['mal-ipo-3', 'mal-fpu-1', 'mal-fpu-2']);
  expect(ranked[0]?.etaMinutes).toBeLessThan(10);
  expect(ranked[1]?.distanceKm).toBeCloseTo(6.29, 0);

  const viewer = await connectDashboard(server.url, await server.signIn('viewer'));
  const updates: IncidentSummary[] = [];
  viewer.on('incident:updated', (i) => updates.push(IncidentSummary.parse(i)));
  expect((await server.signIn('viewer').then((v) => v.send('POST', `/api/incidents/${id}/assign`, { unitIds: ['mal-fpu-1'] }))).status).toBe(403);
  const assigned = await operator.send('POST', `/api/incidents/${id}/assign`, { unitIds: ['mal-fpu-1'] });
  expect(assigned.status).toBe(200);
  expect(assigned.body).toMatchObject({ data: { status: 'responding', assignments: [{ unitId: 'mal-fpu-1', arrivedAt: null }] } });
  await expect.poll(() => server.app.tracker.unit('mal-fpu-1')?.activity).toBe('responding');
  await expect.poll(() => updates.at(-1)?.assignments[0]?.unitId).toBe('mal-fpu-1');

  // Driving in: still 1 km out, then 150 m from the scene.
  await at('mal-fpu-1', 9.569, 31.68);
  await new Promise((r) => setTimeout(r, 100));
  expect(updates.at(-1)?.assignments[0]?.arrivedAt).toBeNull();
  await at('mal-fpu-1', 9.5613, 31.68);
  await expect.poll(() => updates.at(-1)?.assignments[0]?.arrivedAt).toEqual(expect.any(Number));
  const timeline = z.object({ data: z.array(IncidentEvent) }).parse((await operator.get(`/api/incidents/${id}/timeline`)).body).data;
  expect(timeline.map((e) => e.action)).toEqual(['created', 'assigned', 'arrived']);
  expect(timeline[2]?.changes).toMatchObject({ unitId: 'mal-fpu-1', responseMinutes: expect.any(Number) });
  // A patrol that is responding is not offered again.
  const again = z.object({ data: z.array(DispatchCandidate) }).parse((await operator.get(`/api/incidents/${id}/dispatch`)).body).data;
  expect(again.map((c) => c.unitId)).not.toContain('mal-fpu-1');
  viewer.disconnect();
});

it('refuses an assignment of units that are not on the roster, and changes nothing', async () => {
  const made = await operator.send('POST', '/api/incidents', { category: 'other', severity: 1, title: 'Checkpoint dispute', location: { lat: 9.5, lon: 31.6 } });
  const id = z.object({ data: z.object({ id: z.string() }) }).parse(made.body).data.id;
  const res = await operator.send('POST', `/api/incidents/${id}/assign`, { unitIds: ['mal-fpu-2', 'ghost-9'] });
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ error: { issues: [{ path: 'unitIds[1]' }] } });
  expect((await operator.get(`/api/incidents/${id}`)).body).toMatchObject({ data: { status: 'reported', assignments: [] } });
});
