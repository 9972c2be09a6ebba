import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { IncidentReportInput } from '../../shared/incidents.js';
import { IncidentRecord, IncidentSummary } from '../../shared/incidents.js';
import { coarsen } from '../../server/incidents/redaction.js';
import { connectDashboard, startServer, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

let server: TestServer;
let investigator: Client;
let operator: Client;
let viewer: Client;

const VICTIM = 'Nyakuoth Gatluak';
const WITNESS = 'Deng Makuei';
const LATER_VICTIM = 'Achol Garang';
const AT = { lat: 9.55314, lon: 31.65871 };

const report: IncidentReportInput = {
  category: 'sgbv',
  severity: 4,
  title: 'Assault reported near the Malakal POC site',
  description: 'Reported at the women’s protection desk.',
  location: AT,
  victims: [{ name: VICTIM, sex: 'female', age: 24 }],
  witnesses: [{ name: WITNESS, sex: 'male', statement: 'Saw two men leave toward the river.' }],
};

/** Everything a socket receives, as text, so that a name hidden anywhere is found. */
function recordEverything(socket: DashboardSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event} ${JSON.stringify(args)}`));
  return seen;
}

const leaks = (texts: readonly string[]) =>
  texts.filter((t) => [VICTIM, WITNESS, LATER_VICTIM, 'victims', 'witnesses', String(AT.lat), String(AT.lon)].some((s) => t.includes(s)));

beforeAll(async () => {
  server = await startServer();
  investigator = await server.signIn('commander', { sensitive: true });
  operator = await server.signIn('operator');
  viewer = await server.signIn('viewer');
});

afterAll(() => server.close());

it('never sends a victim or witness, nor the exact place, to a viewer or an operator without need-to-know', async () => {
  const viewerSocket = await connectDashboard(server.url, viewer);
  const operatorSocket = await connectDashboard(server.url, operator);
  const investigatorSocket = await connectDashboard(server.url, investigator);
  const viewerSaw = recordEverything(viewerSocket);
  const operatorSaw = recordEverything(operatorSocket);
  const investigatorSaw: unknown[] = [];
  investigatorSocket.on('incident:created', (i) => investigatorSaw.push(i));
  investigatorSocket.on('incident:updated', (i) => investigatorSaw.push(i));

  // Created, then updated three ways, by the investigator and by the operator.
  const created = await investigator.send('POST', '/api/incidents', report);
  expect(created.status).toBe(201);
  const id = z.object({ data: z.object({ id: z.string() }) }).parse(created.body).data.id;
  expect((await investigator.send('PATCH', `/api/incidents/${id}`, { victims: [{ name: VICTIM }, { name: LATER_VICTIM }] })).status).toBe(200);
  expect((await investigator.send('PATCH', `/api/incidents/${id}`, { location: { lat: AT.lat + 0.001, lon: AT.lon } })).status).toBe(200);
  expect((await operator.send('PATCH', `/api/incidents/${id}`, { status: 'verified' })).status).toBe(200);
  await expect.poll(() => investigatorSaw.length).toBe(4);

  // Replayed: a fresh connection's snapshot, the list, the record and the timeline.
  viewerSocket.disconnect();
  const again = await connectDashboard(server.url, viewer);
  const replaySaw = recordEverything(again);
  again.emit('units:resync', () => undefined);
  await expect.poll(() => viewerSaw.filter((t) => t.startsWith('incident:')).length).toBe(4);
  const viewerHttp = [
    JSON.stringify((await viewer.get('/api/incidents')).body),
    JSON.stringify((await viewer.get(`/api/incidents/${id}`)).body),
    JSON.stringify((await viewer.get(`/api/incidents/${id}/timeline`)).body),
  ];
  const operatorHttp = [
    JSON.stringify((await operator.get(`/api/incidents/${id}`)).body),
    JSON.stringify((await operator.get(`/api/incidents/${id}/timeline`)).body),
  ];
  await new Promise((r) => setTimeout(r, 200));

  expect(viewerSaw.some((t) => t.startsWith('incident:updated'))).toBe(true);
  expect(leaks([...viewerSaw, ...replaySaw, ...viewerHttp])).toEqual([]);
  expect(leaks([...operatorSaw, ...operatorHttp])).toEqual([]);

  // What they do see: a coarse location, flagged as such, within about 2 km.
  const shown = IncidentSummary.parse(z.object({ data: z.unknown() }).parse((await viewer.get(`/api/incidents/${id}`)).body).data);
  expect(shown.locationCoarsened).toBe(true);
  expect(shown.location).toEqual({ lat: coarsen(AT.lat + 0.001), lon: coarsen(AT.lon) });
  expect(Math.abs(shown.location.lat - AT.lat)).toBeLessThan(0.02);

  // The investigator with need-to-know gets the whole record, and that read is in the audit log.
  const full = IncidentRecord.parse(z.object({ data: z.unknown() }).parse((await investigator.get(`/api/incidents/${id}`)).body).data);
  expect(full.victims.map((v) => v.name)).toEqual([VICTIM, LATER_VICTIM]);
  expect(full.witnesses[0]?.name).toBe(WITNESS);
  const reads = await server.app.audit.list({ limit: 50, action: 'incident.read-sensitive' });
  expect(reads.map((r) => [r.actor, r.target])).toContainEqual([expect.stringMatching(/^commander/), id]);
  // …while their live updates carry the exact place but still no people.
  expect(JSON.stringify(investigatorSaw)).not.toContain(VICTIM);
  expect(JSON.stringify(investigatorSaw)).toContain(String(AT.lon));

  for (const s of [again, operatorSocket, investigatorSocket]) s.disconnect();
});
