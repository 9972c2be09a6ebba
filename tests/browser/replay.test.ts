import type { GeoJSONSource } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { IncidentSummary } from '../../shared/incidents.js';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { postAsDevice, testUnit } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 3 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

const MIN = 60_000;
const jubaClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Juba', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const jubaShort = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Juba', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// A road out of Bor (illustrative coordinates) and a patrol parked at the field office.
const BOR = { lat: 6.2125, lon: 31.56083 };
const ROAD = [
  { lat: 6.231, lon: 31.5712 },
  { lat: 6.2544, lon: 31.5838 },
  { lat: 6.2791, lon: 31.5901 },
];
const SCENE = { lat: 6.2205, lon: 31.5731 };

/** Where the map's units source has a unit, and whether a marker is drawn there on the screen. */
async function unitOnMap(page: Page, unitId: string): Promise<{ lon: number; lat: number; drawnThere: boolean } | null> {
  return page.evaluate(async (id) => {
    const map = window.__opsMap;
    const data = await map?.getSource<GeoJSONSource>('ops-units')?.getData();
    if (!map || !data || data.type !== 'FeatureCollection') return null;
    const feature = data.features.find((f) => f.properties?.id === id);
    if (!feature || feature.geometry.type !== 'Point') return null;
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    const point = map.project([lon, lat]);
    const drawnThere = map.queryRenderedFeatures(point, { layers: ['ops-units-marker'] }).some((f) => f.properties.id === id);
    return { lon, lat, drawnThere };
  }, unitId);
}

/** The incident ids the map's incidents source holds. */
function incidentsOnMap(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const data = await window.__opsMap?.getSource<GeoJSONSource>('ops-incidents')?.getData();
    if (!data || data.type !== 'FeatureCollection') return [];
    return data.features.map((f) => String(f.properties?.id));
  });
}

it('replays where the patrols were: slider, steps, go to, play at 600×, from an incident, back to live', async () => {
  const { server } = dashboardServer;
  await server.register([
    testUnit('bor-fpu-7', { callsign: 'BOR-FPU-7', fieldOffice: 'bor' }),
    testUnit('bor-fpu-8', { callsign: 'BOR-FPU-8', fieldOffice: 'bor' }),
  ]);
  // BOR-FPU-7 drove out of town an hour and a half ago, a fix every quarter of an hour.
  const base = Math.floor(Date.now() / MIN) * MIN;
  const times = [base - 90 * MIN, base - 75 * MIN, base - 60 * MIN];
  const token7 = await server.deviceToken('bor-fpu-7');
  const token8 = await server.deviceToken('bor-fpu-8');
  const posted = await postAsDevice(`${server.url}/api/positions`, token7, {
    reports: times.map((time, i) => ({ unitId: 'bor-fpu-7', time, lat: ROAD[i]?.lat, lon: ROAD[i]?.lon, speed: 9, heading: 20 })),
  });
  expect(posted.status).toBe(200);
  expect((await postAsDevice(`${server.url}/api/positions`, token8, { reports: [{ unitId: 'bor-fpu-8', time: Date.now(), ...BOR }] })).status).toBe(200);

  const desk = await openDashboard(await signedInContext(browser, server, 'operator'), server.url);
  const { page } = desk;
  await page.evaluate(({ lon, lat }) => window.__opsMap?.jumpTo({ center: [lon, lat], zoom: 11.5 }), ROAD[1] ?? BOR);

  // Live: BOR-FPU-7 at its last fix.
  await expect.poll(async () => (await unitOnMap(page, 'bor-fpu-7'))?.lat, { timeout: 30_000 }).toBe(ROAD[2]?.lat);

  // R opens replay an hour ago, paused, with a banner nobody can miss.
  await page.keyboard.press('r');
  const bar = page.getByTestId('replay-bar');
  await bar.waitFor();
  await expect.poll(() => bar.getAttribute('data-loading'), { timeout: 30_000 }).toBe('no');
  const banner = page.getByTestId('replay-banner');
  expect(await banner.textContent()).toMatch(/^REPLAY — \d\d:\d\d Juba, not live$/);
  expect(await page.getByTestId('open-replay').getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByTestId('replay-zulu').textContent()).toMatch(/^\d{6}Z [A-Z]{3} \d\d$/);

  // Drag the slider to two minutes after the second fix: the marker is there.
  const atSecond = (times[1] ?? 0) + 2 * MIN;
  await page.getByTestId('replay-slider').fill(String(atSecond));
  await expect.poll(() => page.getByTestId('replay-juba').textContent(), { timeout: 20_000 }).toBe(`${jubaClock.format(atSecond)} Juba`);
  // The banner names the moment of the picture on the map, once it has loaded.
  await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toBe(`REPLAY — ${jubaShort.format(atSecond)} Juba, not live`);
  await expect.poll(async () => unitOnMap(page, 'bor-fpu-7'), { timeout: 30_000 }).toEqual({ lon: ROAD[1]?.lon, lat: ROAD[1]?.lat, drawnThere: true });
  // BOR-FPU-8 had not reported yet then.
  expect(await unitOnMap(page, 'bor-fpu-8')).toBeNull();
  await page.screenshot({ path: '/tmp/replay-slider.png' });

  // Fifteen minutes on: past the third fix.
  await page.getByTestId(`replay-step+${15 * MIN}`).click();
  await expect.poll(() => page.getByTestId('replay-juba').textContent(), { timeout: 20_000 }).toBe(`${jubaClock.format(atSecond + 15 * MIN)} Juba`);
  await expect.poll(async () => (await unitOnMap(page, 'bor-fpu-7'))?.lat, { timeout: 30_000 }).toBe(ROAD[2]?.lat);

  // Go to a Juba time typed in: a minute after the first fix.
  await page.getByTestId('replay-goto').fill(jubaShort.format((times[0] ?? 0) + MIN));
  await page.getByTestId('replay-goto-submit').click();
  await expect.poll(() => page.getByTestId('replay-juba').textContent(), { timeout: 20_000 }).toBe(`${jubaClock.format((times[0] ?? 0) + MIN)} Juba`);
  await expect.poll(async () => unitOnMap(page, 'bor-fpu-7'), { timeout: 30_000 }).toEqual({ lon: ROAD[0]?.lon, lat: ROAD[0]?.lat, drawnThere: true });

  // Play at 600×: the clock runs on and the patrol drives along its fixes.
  await page.getByTestId('replay-speed-600').click();
  expect(await page.getByTestId('replay-speed-600').getAttribute('aria-pressed')).toBe('true');
  await page.getByTestId('replay-play').click();
  await expect.poll(() => bar.getAttribute('data-playing')).toBe('yes');
  await expect.poll(async () => (await unitOnMap(page, 'bor-fpu-7'))?.lat, { timeout: 30_000 }).toBe(ROAD[2]?.lat);
  const readout = async () => (await page.getByTestId('replay-juba').textContent()) ?? '';
  const first = await readout();
  await expect.poll(readout, { timeout: 20_000 }).not.toBe(first);
  await page.getByTestId('replay-play').click();
  await expect.poll(() => bar.getAttribute('data-playing')).toBe('no');
  expect(await banner.isVisible()).toBe(true);

  // An incident reported while replay is on: its alert still reaches this screen.
  const operator = await server.signIn('operator');
  const created = await operator.send('POST', '/api/incidents', { category: 'intercommunal-clash', severity: 3, title: 'Clash reported north of Bor town', location: SCENE });
  expect(created.status).toBe(201);
  const incident = z.object({ data: IncidentSummary }).parse(created.body).data;
  await expect.poll(() => page.getByTestId('alert-banner').textContent(), { timeout: 30_000 }).toMatch(/Intercommunal clash [0-9.]+ km from Bor/);
  // The replayed picture is of before it: it is not on the map.
  expect(await incidentsOnMap(page)).not.toContain(incident.id);
  await page.screenshot({ path: '/tmp/replay-playing.png' });

  // Back to live: the live picture, the incident on it.
  await page.getByTestId('replay-live').click();
  await expect.poll(() => page.getByTestId('replay-bar').count()).toBe(0);
  expect(await page.getByTestId('replay-banner').count()).toBe(0);
  await expect.poll(async () => (await unitOnMap(page, 'bor-fpu-7'))?.lat, { timeout: 20_000 }).toBe(ROAD[2]?.lat);
  await expect.poll(async () => (await unitOnMap(page, 'bor-fpu-8'))?.lat, { timeout: 20_000 }).toBe(BOR.lat);
  await expect.poll(() => incidentsOnMap(page), { timeout: 20_000 }).toContain(incident.id);

  // Open the incident from the map, and replay from its report.
  await page.evaluate(({ lon, lat }) => window.__opsMap?.jumpTo({ center: [lon, lat], zoom: 13 }), SCENE);
  await page.waitForTimeout(500);
  const point = await page.evaluate(({ lon, lat }) => window.__opsMap?.project([lon, lat]), SCENE);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click((box?.x ?? 0) + (point?.x ?? 0), (box?.y ?? 0) + (point?.y ?? 0));
  const details = page.getByTestId('incident-details');
  await expect.poll(() => details.getByTestId('detail-title').textContent(), { timeout: 20_000 }).toBe('Clash reported north of Bor town');
  await details.getByTestId('replay-from-report').click();
  const fromReport = incident.reportedAt - 5 * MIN;
  await expect.poll(() => page.getByTestId('replay-juba').textContent(), { timeout: 20_000 }).toBe(`${jubaClock.format(fromReport)} Juba`);
  await expect.poll(() => bar.getAttribute('data-loading'), { timeout: 30_000 }).toBe('no');
  expect(await incidentsOnMap(page)).not.toContain(incident.id);
  await page.screenshot({ path: '/tmp/replay-from-report.png' });

  // Played on, the report comes in; replay stops when it reaches the present.
  await page.getByTestId('replay-play').click();
  await expect.poll(() => incidentsOnMap(page), { timeout: 30_000 }).toContain(incident.id);
  await expect.poll(() => page.getByTestId('replay-status').textContent(), { timeout: 30_000 }).toMatch(/caught up with the present/);
  await page.screenshot({ path: '/tmp/replay-caught-up.png' });

  // R again: back to live.
  await page.keyboard.press('r');
  await expect.poll(() => page.getByTestId('replay-bar').count()).toBe(0);
  expect(await page.getByTestId('open-replay').getAttribute('aria-pressed')).toBe('false');

  expect(desk.watch.consoleErrors).toEqual([]);
  expect(desk.cspViolations).toEqual([]);
  expect(desk.watch.foreignRequests).toEqual([]);
}, 300_000);
