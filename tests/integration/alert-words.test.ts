import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert, AlertsSnapshot } from '../../shared/alerts.js';
import { createApp, DEFAULT_APP_CONFIG, type App } from '../../server/app.js';
import { ManualClock } from '../../server/clock.js';
import { loadBasemapJson, loadMissionPack } from '../../server/pack.js';
import { alertTitle } from '../../client/alerts/alertTitle.js';
import { connectDashboard, postAsDevice, signInOverHttp, startServer, testUnit, type Client, type TestServer } from '../support/server.js';

// Mid-February, the dry season.
const clock = new ManualClock(Date.parse('2027-02-15T09:00:00Z'));
let server: TestServer;
let operator: Client;
let restarted: App | null = null;
/** where the restarted server listens */
let restartedUrl: string | null = null;

const AlertList = z.object({ data: z.array(Alert) });

beforeAll(async () => {
  server = await startServer({ clock, config: { tickMs: 60_000 } });
  operator = await server.signIn('operator');
});
afterAll(async () => {
  await restarted?.close();
  await server.close();
});

describe('alert words', () => {
  it('sends an SOS and an incident near a POC site with their words, live, in the list and after a restart', async () => {
    await server.register([testUnit('bor-fpu-2', { callsign: 'BOR-FPU-2', fieldOffice: 'bor' })]);
    const token = await server.deviceToken('bor-fpu-2');
    const desk = await connectDashboard(server.url, operator);
    const raised: Alert[] = [];
    desk.on('alert:raised', (a) => raised.push(Alert.parse(a)));

    const sos = await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'bor-fpu-2', time: clock.now(), lat: 6.21, lon: 31.56, activity: 'sos' }] });
    expect(sos.status).toBeLessThan(300);
    // About 1 km east of the Malakal POC site.
    const incident = await operator.send('POST', '/api/incidents', {
      category: 'poc-site-security',
      severity: 4,
      title: 'Shots fired near the gate',
      location: { lat: 9.55, lon: 31.6637 },
    });
    expect(incident.status).toBe(201);

    await expect.poll(() => raised.map((a) => a.kind).sort()).toEqual(expect.arrayContaining(['incident-near-site', 'sos']));
    const live = raised.filter((a) => a.kind === 'sos' || a.kind === 'incident-near-site');
    const expected = [
      ['sos', { kind: 'sos', callsign: 'BOR-FPU-2' }],
      ['incident-near-site', { kind: 'incident-near-site', category: 'poc-site-security', site: 'Malakal POC', place: 'at', km: 1 }],
    ];
    const wordsOf = (list: Alert[]) => list.filter((a) => a.kind === 'sos' || a.kind === 'incident-near-site').map((a) => [a.kind, a.words]).sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(wordsOf(live)).toEqual(expected.sort(([a], [b]) => String(a).localeCompare(String(b))));
    // The screens' English wording is the server's title, word for word; the French is its own.
    for (const alert of live) expect(alertTitle(alert, 'en')).toBe(alert.title);
    expect(live.map((a) => alertTitle(a, 'fr')).sort()).toEqual(['Incident de sécurité au site PoC à 1,0 km de Malakal POC', 'SOS de BOR-FPU-2']);
    desk.disconnect();

    const listed = AlertList.parse((await operator.get('/api/alerts')).body).data;
    expect(wordsOf(listed)).toEqual(wordsOf(live));

    // The server restarts on the same store: the words come back from the database.
    await server.app.close();
    restarted = await createApp({
      db: server.db,
      clock,
      logger: pino({ level: 'silent' }),
      pack: await loadMissionPack(),
      basemapJson: await loadBasemapJson(),
      config: { ...DEFAULT_APP_CONFIG, tickMs: 60_000, loginsPerMinute: 1000 },
    });
    const url = await restarted.listen(0, '127.0.0.1');
    restartedUrl = url;
    await restarted.accounts.createUser({ username: 'after-restart', displayName: 'Desk after restart', role: 'operator', password: 'correct horse after restart' }, 'test');
    const again = await signInOverHttp(url, 'after-restart', 'correct horse after restart');
    // A screen connecting to the restarted server: its alert snapshot may come before its units'.
    const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: again.cookie } });
    const snapshot = new Promise<AlertsSnapshot>((resolve, reject) => {
      socket.once('alerts:snapshot', (s: unknown) => resolve(AlertsSnapshot.parse(s)));
      socket.once('connect_error', reject);
    });
    const afterRestart = AlertList.parse((await again.get('/api/alerts')).body).data;
    expect(wordsOf(afterRestart)).toEqual(wordsOf(live));
    expect(afterRestart.filter((a) => a.kind === 'sos')).toHaveLength(1);
    expect(wordsOf((await snapshot).alerts)).toEqual(wordsOf(live));
    socket.disconnect();
  });

  it('reads unreadable stored words as none, and keeps the alert', async () => {
    const app = restarted ?? server.app;
    const alert = await app.alerts.raise({ kind: 'unit-lost', severity: 3, title: 'MAL-9 lost: no report', words: { kind: 'unit-lost', callsign: 'MAL-9' }, unitId: 'mal-9' });
    await server.db.updateTable('alerts').set({ words: '{"kind":"unit-lost"' }).where('id', '=', alert.id).execute();
    expect(await app.alerts.get(alert.id)).toMatchObject({ id: alert.id, title: 'MAL-9 lost: no report', words: null });
    await server.db.updateTable('alerts').set({ words: JSON.stringify({ kind: 'sos', callsign: 'MAL-9' }) }).where('id', '=', alert.id).execute();
    expect((await app.alerts.get(alert.id))?.words).toBeNull();
  });

  it('gives a need-to-know incident near a site only the threshold in its words, as in its title', async () => {
    const app = restarted ?? server.app;
    await app.accounts.createUser({ username: 'investigator', displayName: 'Investigator', role: 'commander', sensitive: true, password: 'correct horse investigator' }, 'test');
    const investigator = await signInOverHttp(restartedUrl ?? server.url, 'investigator', 'correct horse investigator');
    const res = await investigator.send('POST', '/api/incidents', {
      category: 'sgbv',
      severity: 4,
      title: 'Assault',
      location: { lat: 9.5412, lon: 31.6555 },
      victims: [{ name: 'A. B.' }],
    });
    expect(res.status).toBe(201);
    const id = (res.body as { data: { id: string } }).data.id;
    await expect.poll(async () => (await app.alerts.list()).find((a) => a.incidentId === id && a.kind === 'incident-near-site')?.words).toEqual({
      kind: 'incident-near-site',
      category: 'sgbv',
      site: 'Malakal POC',
      place: 'within',
      km: 5,
    });
  });
});
