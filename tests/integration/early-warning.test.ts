import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alert } from '../../shared/alerts.js';
import type { IncidentReportInput } from '../../shared/incidents.js';
import { ManualClock } from '../../server/clock.js';
import { connectDashboard, postAsDevice, startServer, testUnit, type Client, type DashboardSocket, type TestServer } from '../support/server.js';

// Mid-February: the dry season, when herds move along the corridors.
const clock = new ManualClock(Date.parse('2027-02-15T09:00:00Z'));
let server: TestServer;
let operator: Client;

function collect(socket: DashboardSocket): Alert[] {
  const list: Alert[] = [];
  socket.on('alert:raised', (a) => list.push(Alert.parse(a)));
  return list;
}

const report = (over: Partial<IncidentReportInput>): IncidentReportInput => ({
  category: 'intercommunal-clash',
  severity: 3,
  title: 'Fighting reported',
  location: { lat: 9.0, lon: 30.0 },
  ...over,
});

beforeAll(async () => {
  server = await startServer({ clock, config: { tickMs: 60_000 } });
  operator = await server.signIn('operator');
});
afterAll(() => server.close());

describe('early warning', () => {
  it('alerts every operator screen at once when an incident is reported near the Malakal POC site', async () => {
    const deskA = await connectDashboard(server.url, operator);
    const deskB = await connectDashboard(server.url, await server.signIn('operator'));
    const wall = await connectDashboard(server.url, await server.signIn('viewer'));
    const [a, b, w] = [collect(deskA), collect(deskB), collect(wall)];
    // About 1.5 km east of the site's anchor, 1 km beyond its footprint.
    const res = await operator.send('POST', '/api/incidents', report({ category: 'poc-site-security', severity: 4, title: 'Shots fired near the gate', location: { lat: 9.55, lon: 31.6637 } }));
    expect(res.status).toBe(201);
    const id = (res.body as { data: { id: string } }).data.id;
    // Alerts go out as they are raised, not at the next tick: no tick is run here.
    for (const screen of [a, b, w]) {
      await expect.poll(() => screen.map((x) => [x.kind, x.incidentId, x.severity])).toContainEqual(['incident-near-site', id, 4]);
    }
    expect(a.find((x) => x.kind === 'incident-near-site')?.title).toMatch(/^POC-site security incident 1\.0 km from Malakal POC$/);
    for (const s of [deskA, deskB, wall]) s.disconnect();
  });

  it('alerts for an incident on a corridor in its season, and not out of season', async () => {
    const desk = await connectDashboard(server.url, operator);
    const seen = collect(desk);
    // On the Gogrial → Kayango line, about 20 km north of the station.
    const onCorridor = { lat: 7.93, lon: 28.2154 };
    await operator.send('POST', '/api/incidents', report({ category: 'cattle-raiding', title: 'Herd of 300 taken', location: onCorridor }));
    await expect.poll(() => seen.map((x) => x.kind)).toContain('incident-in-corridor');
    expect(seen.find((x) => x.kind === 'incident-in-corridor')?.title).toMatch(/Gogrial → Kayango migration corridor, in season/);

    clock.set(Date.parse('2027-07-15T09:00:00Z'));
    const before = seen.length;
    await operator.send('POST', '/api/incidents', report({ category: 'cattle-raiding', title: 'Herd of 40 taken', location: onCorridor }));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.slice(before).filter((x) => x.kind === 'incident-in-corridor')).toEqual([]);
    clock.set(Date.parse('2027-02-15T09:00:00Z'));
    desk.disconnect();
  });

  it('does not give the exact distance of a need-to-know incident in its alert', async () => {
    const investigator = await server.signIn('commander', { sensitive: true });
    const desk = await connectDashboard(server.url, operator);
    const seen = collect(desk);
    await investigator.send('POST', '/api/incidents', report({ category: 'sgbv', severity: 4, title: 'Assault', location: { lat: 9.5412, lon: 31.6555 }, victims: [{ name: 'A. B.' }] }));
    await expect.poll(() => seen.find((x) => x.kind === 'incident-near-site')?.title).toBe('SGBV incident within 5 km of Malakal POC');
    desk.disconnect();
  });

  it('gives notice when a patrol enters and leaves a POC site', async () => {
    await server.register([testUnit('mal-ipo-7', { callsign: 'MAL-IPO-7', type: 'ipo-foot' })]);
    const token = await server.deviceToken('mal-ipo-7');
    const desk = await connectDashboard(server.url, operator);
    const seen = collect(desk);
    const at = async (lat: number, lon: number) => {
      clock.advance(60_000);
      expect((await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'mal-ipo-7', time: clock.now(), lat, lon }] })).status).toBe(200);
    };
    await at(9.55, 31.665); // outside, 1.6 km east
    await at(9.551, 31.651); // inside the footprint
    await at(9.55, 31.665); // out again
    await expect.poll(() => seen.map((x) => [x.kind, x.title, x.severity, x.resolvedAt !== null])).toEqual([
      ['patrol-entered-zone', 'MAL-IPO-7 entered Malakal POC', 1, true],
      ['patrol-left-zone', 'MAL-IPO-7 left Malakal POC', 1, true],
    ]);
    desk.disconnect();
  });

  it('gives notice when a patrol comes onto a corridor in its season, and not out of season', async () => {
    await server.register([testUnit('kua-fpu-2', { callsign: 'KUA-FPU-2', fieldOffice: 'kuajok' })]);
    const token = await server.deviceToken('kua-fpu-2');
    const desk = await connectDashboard(server.url, operator);
    const seen = collect(desk);
    const at = async (lat: number, lon: number) => {
      clock.advance(60_000);
      expect((await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'kua-fpu-2', time: clock.now(), lat, lon }] })).status).toBe(200);
    };
    await at(8.3, 29.6); // far from any corridor
    await at(7.93, 28.2154); // on the Gogrial → Kayango line in February
    await at(7.935, 28.2154); // still on it: no second notice
    await expect.poll(() => seen.filter((x) => x.kind === 'patrol-in-corridor').map((x) => [x.title, x.severity, x.resolvedAt !== null])).toEqual([
      ['KUA-FPU-2 on the Gogrial → Kayango corridor, in season', 1, true],
    ]);
    clock.set(Date.parse('2027-07-15T09:00:00Z'));
    await at(8.3, 29.6);
    await at(7.93, 28.2154);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.filter((x) => x.kind === 'patrol-in-corridor')).toHaveLength(1);
    clock.set(Date.parse('2027-02-15T09:00:00Z'));
    desk.disconnect();
  });
});
