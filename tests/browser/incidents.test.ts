import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { IncidentSummary } from '../../shared/incidents.js';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { postAsDevice, testUnit } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

// Three simulated patrols (Aweil, Bentiu, Bor) keep the feed busy, far from Torit.
beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 3 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

// About 2.8 km north-east of the Torit field office.
const scene = { lat: 4.43, lon: 32.59 };

it('reports an incident by clicking the map, sends the nearest patrol, and a second desk sees the alert acknowledged', async () => {
  const { server } = dashboardServer;
  await server.register([
    testUnit('tor-fpu-1', { callsign: 'TOR-FPU-1', fieldOffice: 'torit' }),
    testUnit('tor-fpu-2', { callsign: 'TOR-FPU-2', fieldOffice: 'torit' }),
    testUnit('tor-ipo-3', { callsign: 'TOR-IPO-3', fieldOffice: 'torit', type: 'ipo-foot' }),
  ]);
  const tokens = new Map<string, string>();
  for (const id of ['tor-fpu-1', 'tor-fpu-2', 'tor-ipo-3']) tokens.set(id, await server.deviceToken(id));
  const at = async (unitId: string, lat: number, lon: number) => {
    const res = await postAsDevice(`${server.url}/api/positions`, tokens.get(unitId) ?? '', { reports: [{ unitId, time: Date.now(), lat, lon, activity: 'on-patrol' }] });
    expect(res.status).toBe(200);
  };
  await at('tor-ipo-3', 4.44, 32.6); // 1.6 km, on foot: ~31 min
  await at('tor-fpu-1', 4.45, 32.6); // 2.5 km, by road: ~5 min
  await at('tor-fpu-2', 4.4, 32.5); // 10 km, by road: ~23 min

  const desk = await openDashboard(await signedInContext(browser, server, 'operator'), server.url);
  const second = await openDashboard(await signedInContext(browser, server, 'commander'), server.url);
  const page = desk.page;

  // Report: the button, then a click on the map where it happened.
  await page.getByTestId('open-report').click();
  await page.getByTestId('report-hint').waitFor();
  await page.evaluate(({ lon, lat }) => window.__opsMap?.jumpTo({ center: [lon, lat], zoom: 12 }), scene);
  const point = await page.evaluate(({ lon, lat }) => window.__opsMap?.project([lon, lat]), scene);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click((box?.x ?? 0) + (point?.x ?? 0), (box?.y ?? 0) + (point?.y ?? 0));

  await page.getByTestId('report-form').waitFor();
  await page.getByTestId('report-category').selectOption('threat-to-civilians');
  await page.getByTestId('report-severity').selectOption('4');
  await page.getByTestId('report-title').fill('Armed men seen entering Hiyala road market');
  await page.getByTestId('report-submit').click();

  const details = page.getByTestId('incident-details');
  await expect.poll(() => details.getByTestId('detail-title').textContent(), { timeout: 20_000 }).toBe('Armed men seen entering Hiyala road market');
  const incidents = z.object({ data: z.array(IncidentSummary) }).parse((await (await server.signIn('operator')).get('/api/incidents')).body).data;
  const made = incidents.find((i) => i.title === 'Armed men seen entering Hiyala road market');
  expect(made?.location.lat).toBeCloseTo(scene.lat, 3);
  expect(made?.location.lon).toBeCloseTo(scene.lon, 3);
  expect(made?.fieldOffice).toBe('torit');
  await expect.poll(() => details.getByTestId('incident-field-office').textContent()).toContain('Torit');

  // Dispatch: the nearest available patrol first, with its distance and rough arrival time.
  const candidates = details.getByTestId('dispatch-candidate');
  // The three Torit patrols, then the simulated ones hundreds of kilometres away.
  await expect.poll(() => candidates.count(), { timeout: 20_000 }).toBe(6);
  expect((await candidates.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-id')))).slice(0, 3)).toEqual(['tor-ipo-3', 'tor-fpu-1', 'tor-fpu-2']);
  const eta = async (i: number) => Number((await candidates.nth(i).getByTestId('dispatch-figures').textContent())?.match(/~(\d+) min/)?.[1]);
  expect(await candidates.nth(0).textContent()).toMatch(/^TOR-IPO-3Nearest1\.\d km · ~\d+ minIPO on foot$/);
  // The vehicle a little further off would get there first: the desk is told so.
  expect(await candidates.nth(1).textContent()).toMatch(/^TOR-FPU-1Quickest2\.\d km · ~\d+ minFPU vehicle$/);
  expect(await eta(1)).toBeLessThan(await eta(0));
  await candidates.first().getByTestId('dispatch-pick').check();
  await details.getByTestId('dispatch-assign').click();
  await expect.poll(() => details.getByTestId('dispatch-success').textContent(), { timeout: 20_000 }).toBe('Sent TOR-IPO-3.');
  await expect.poll(() => details.getByTestId('incident-status').textContent()).toBe('Responding');
  const sent = details.getByTestId('incident-assignment');
  await expect.poll(() => sent.textContent()).toMatch(/TOR-IPO-3.*On the way/);
  await expect.poll(() => server.app.tracker.unit('tor-ipo-3')?.activity).toBe('responding');

  // The patrol drives in: its arrival shows with the time it took.
  await at('tor-ipo-3', 4.431, 32.5905);
  await expect.poll(() => sent.getAttribute('data-arrived'), { timeout: 20_000 }).toBe('yes');
  await expect.poll(() => sent.textContent()).toMatch(/Arrived \d\d:\d\d · 1 min/);

  // The incident is within 5 km of the Torit field office: both desks are alerted.
  for (const screen of [desk, second]) {
    await expect.poll(() => screen.page.getByTestId('alert-banner').textContent(), { timeout: 30_000 }).toMatch(/Threat to civilians [23]\.\d km from Torit field office/);
  }
  await page.screenshot({ path: '/tmp/incident-dispatch-desk.png' });
  await page.getByTestId('alert-ack').click();
  await expect.poll(() => second.page.getByTestId('alert-banner').count(), { timeout: 30_000 }).toBe(0);
  await second.page.getByTestId('open-alerts').click();
  await expect.poll(() => second.page.getByTestId('alerts-panel').textContent(), { timeout: 20_000 }).toMatch(/Torit[\s\S]*Acknowledged by operator\d+/);
  await second.page.screenshot({ path: '/tmp/incident-dispatch-second.png' });

  for (const screen of [desk, second]) {
    expect(screen.watch.consoleErrors).toEqual([]);
    expect(screen.cspViolations).toEqual([]);
    expect(screen.watch.foreignRequests).toEqual([]);
  }
}, 300_000);
