import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { postAsDevice, testUnit } from '../support/server.js';
import { PatrolOrder } from '../../shared/patrols.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 11 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

/** The patrol layer's features for one order, read from the map itself. */
function patrolFeaturesOnMap(page: Page, orderId: string) {
  return page.evaluate((id) => {
    const map = window.__opsMap;
    if (!map) return { checkpoints: [], route: false };
    const checkpoints = map
      .querySourceFeatures('ops-patrols-points')
      .filter((f) => f.properties.orderId === id && f.properties.kind === 'checkpoint')
      .map((f) => `${String(f.properties.label)}|${String(f.properties.state)}`);
    // A line is cut at tile edges: one order's route may come back in several pieces.
    const route = map.querySourceFeatures('ops-patrols-routes').some((f) => f.properties.orderId === id && f.geometry.type === 'LineString');
    return { checkpoints: [...new Set(checkpoints)].sort(), route };
  }, orderId);
}

it('plans a patrol with two checkpoints clicked on the map: listed, drawn on the desk and on the wall', async () => {
  const { server } = dashboardServer;
  const unit = server.app.tracker.allUnits().find((u) => u.type === 'fpu-vehicle' && u.last);
  if (!unit?.last) throw new Error('no simulated vehicle patrol with a position');
  const desk = await openDashboard(await signedInContext(browser, server, 'operator'), server.url);
  const { page } = desk;

  await page.getByTestId('open-patrols').click();
  await page.getByTestId('patrols-panel').waitFor();
  await page.getByTestId('patrol-plan').click();
  await page.getByTestId('patrol-unit').selectOption(unit.id);
  await page.getByTestId('patrol-title').fill('Town and market loop');

  // Two checkpoints a few km either side of the unit, clicked on the map.
  const { lon, lat } = unit.last;
  await page.evaluate(([x, y]) => window.__opsMap?.jumpTo({ center: [x, y], zoom: 11 }), [lon, lat] as const);
  await page.waitForTimeout(1000);
  await page.getByTestId('patrol-place').click();
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map on the page');
  const centre = { x: box.x + box.width / 2 + 200, y: box.y + box.height / 2 };
  await page.mouse.click(centre.x - 160, centre.y - 120);
  await page.mouse.click(centre.x + 180, centre.y + 90);
  await page.keyboard.press('Escape');
  const rows = page.getByTestId('patrol-form-checkpoint');
  await expect.poll(() => rows.count()).toBe(2);
  await expect.poll(() => page.getByTestId('patrol-place').getAttribute('aria-pressed')).toBe('false');
  // No unit or site details opened underneath the clicks.
  expect(await page.getByTestId('details-panel').count()).toBe(0);
  await rows.nth(0).getByLabel('Checkpoint 1 name').fill('Market');
  await rows.nth(1).getByLabel('Checkpoint 2 name').fill('Water point');
  await page.screenshot({ path: '/tmp/patrols-form.png' });

  await page.getByTestId('patrol-submit').click();
  await page.getByTestId('patrol-form').waitFor({ state: 'detached', timeout: 30_000 });
  const order = (await server.app.patrols.list()).find((o) => o.unitId === unit.id);
  if (!order) throw new Error('the order did not reach the server');
  expect(order).toMatchObject({ title: 'Town and market loop', status: 'active', checkpoints: [{ name: 'Market' }, { name: 'Water point' }] });

  const row = page.getByTestId(`patrol-row-${order.id}`);
  await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain(unit.callsign);
  expect(await row.getByTestId('patrol-progress').textContent()).toMatch(/^0\/2 checkpoints/);
  expect(await row.getByTestId('patrol-status').textContent()).toBe('On patrol');
  expect(await row.getByTestId('patrol-window').textContent()).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2} Juba$/);

  const drawn = { checkpoints: ['1 Market|pending', '2 Water point|pending'], route: true };
  await expect.poll(() => patrolFeaturesOnMap(page, order.id), { timeout: 30_000 }).toEqual(drawn);

  // A second patrol nearby, reporting as a tracker would: it reaches one checkpoint and misses
  // the other's due time; the desk sees both on the map, in the list and in the alert banner.
  await server.register([testUnit('awl-joint-7', { callsign: 'AWL-JOINT-7', type: 'joint-patrol', fieldOffice: unit.fieldOffice })]);
  const token = await server.deviceToken('awl-joint-7');
  const gate = { lat: lat - 0.03, lon: lon - 0.01 };
  const ferry = { lat: lat - 0.05, lon: lon + 0.04 };
  const planned = await (await server.signIn('operator')).send('POST', '/api/patrols', {
    unitId: 'awl-joint-7',
    title: 'Camp gate and ferry',
    startsAt: Date.now(),
    endsAt: Date.now() + 3600_000,
    checkpoints: [
      { name: 'Camp gate', ...gate },
      { name: 'Ferry', ...ferry, dueAt: Date.now() + 4000 },
    ],
  });
  expect(planned.status).toBe(201);
  const second = PatrolOrder.parse((planned.body as { data: unknown }).data);
  expect((await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'awl-joint-7', time: Date.now(), lat: gate.lat, lon: gate.lon }] })).status).toBe(200);
  await expect
    .poll(() => patrolFeaturesOnMap(page, second.id), { timeout: 30_000 })
    .toEqual({ checkpoints: ['1 Camp gate|reached', '2 Ferry|missed'], route: true });
  const secondRow = page.getByTestId(`patrol-row-${second.id}`);
  await expect.poll(() => secondRow.getByTestId('patrol-progress').textContent(), { timeout: 30_000 }).toBe('1/2 checkpoints · 1 missed');
  expect(await secondRow.getAttribute('class')).toContain('patrol-row-alarm');
  await expect.poll(() => page.getByTestId('alert-banner').textContent(), { timeout: 30_000 }).toContain('AWL-JOINT-7 missed checkpoint Ferry');
  await page.evaluate(([x, y]) => window.__opsMap?.jumpTo({ center: [x, y], zoom: 11 }), [lon + 0.01, lat - 0.02] as const);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/patrols-desk.png' });

  expect(desk.watch.consoleErrors).toEqual([]);
  // One software-rendered map at a time on a loaded machine: the wall opens once the desk is done.
  await page.close();

  // The wall shows the route too, though it offers no panel to plan one.
  const wall = await openDashboard(await signedInContext(browser, server, 'viewer'), server.url, '/?view=wall&test=1');
  expect(await wall.page.getByTestId('open-patrols').count()).toBe(0);
  await wall.page.evaluate(([x, y]) => window.__opsMap?.jumpTo({ center: [x, y], zoom: 11 }), [lon, lat] as const);
  await expect.poll(() => patrolFeaturesOnMap(wall.page, order.id), { timeout: 30_000 }).toEqual(drawn);
  await wall.page.waitForTimeout(1500);
  await wall.page.screenshot({ path: '/tmp/patrols-wall.png' });

  for (const screen of [desk, wall]) {
    expect(screen.watch.consoleErrors).toEqual([]);
    expect(screen.cspViolations).toEqual([]);
    expect(screen.watch.foreignRequests).toEqual([]);
  }
}, 240_000);
