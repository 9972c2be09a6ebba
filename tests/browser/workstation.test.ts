import { bearing } from '@turf/bearing';
import { distance } from '@turf/distance';
import { toPoint } from 'mgrs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IncidentSummary, type IncidentReportInput } from '../../shared/incidents.js';
import { formatMgrs } from '../../client/format/position.js';
import { launchChromium, watchPage } from '../support/browser.js';
import { openDashboard, startDashboardServer, type OpenedDashboard } from '../support/dashboard.js';
import type { Client } from '../support/server.js';

// A commander's laptop.
const VIEWPORT = { width: 1366, height: 768 };

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let context: BrowserContext;
let desk: OpenedDashboard;
let page: Page;
const made = new Map<string, IncidentSummary>();

const Reply = z.object({ data: IncidentSummary });

async function report(client: Client, key: string, body: IncidentReportInput): Promise<void> {
  const res = await client.send('POST', '/api/incidents', body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  made.set(key, Reply.parse(res.body).data);
  // Each a few milliseconds apart, so "newest first" has one answer.
  await new Promise((r) => setTimeout(r, 20));
}

async function moveStatus(client: Client, key: string, status: IncidentSummary['status']): Promise<void> {
  const res = await client.send('PATCH', `/api/incidents/${made.get(key)?.id}`, { status });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A browser context at laptop size from the start (the layer switcher folds itself there), signed in. */
async function laptopContext(role: 'commander' | 'operator'): Promise<BrowserContext> {
  const { server } = dashboardServer;
  const client = await server.signIn(role);
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const [name, value] = client.cookie.split('=');
  await ctx.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return ctx;
}

/** Ids of the incident rows in the list, top to bottom. */
const rowIds = () =>
  page.getByTestId('incidents-panel').locator('[data-testid^="incident-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.replace('incident-row-', '') ?? ''));
const idsOf = (...keys: string[]) => keys.map((k) => made.get(k)?.id ?? `missing ${k}`);

/** Where a place is on the page, in px, with the map where it is now. */
async function onPage(at: { lat: number; lon: number }): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(({ lon, lat }) => window.__opsMap?.project([lon, lat]), at);
  const box = await page.getByTestId('map').boundingBox();
  if (!point || !box) throw new Error('the map is not on the page');
  return { x: box.x + point.x, y: box.y + point.y };
}

async function jumpTo(at: { lat: number; lon: number }, zoom: number): Promise<void> {
  await page.evaluate(
    ({ lon, lat, zoom }) =>
      new Promise<void>((resolve) => {
        const map = window.__opsMap;
        if (!map) return resolve();
        map.once('idle', () => resolve());
        map.jumpTo({ center: [lon, lat], zoom });
      }),
    { ...at, zoom },
  );
}

/** Takes the keyboard out of whatever field has it, as a click elsewhere would. */
const blur = () => page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));

/** Waits for the map to stop moving (a flight to finish). */
const settled = () =>
  page.waitForFunction(() => {
    const map = window.__opsMap;
    return map !== undefined && !map.isMoving();
  }, undefined, { timeout: 20_000 });

// Known places (GEO_FACTS.md): the Juba field office, and the Terekeka road north of it.
const JUBA = { lat: 4.85, lon: 31.6 };
const NORTH_OF_JUBA = { lat: 5.2, lon: 31.68 };

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 4 });
  browser = await launchChromium();
  const operator = await dashboardServer.server.signIn('operator');
  await report(operator, 'raid', { category: 'cattle-raiding', severity: 3, title: 'Cattle taken from a camp near Tonj', location: { lat: 7.28, lon: 28.68 } });
  await report(operator, 'attack', { category: 'threat-to-civilians', severity: 4, title: 'Armed men seen at Hai Malakal market', location: { lat: 9.54, lon: 31.65 } });
  await report(operator, 'theft', { category: 'crime', severity: 1, title: 'Theft from a shop in Bor town', location: { lat: 6.21, lon: 31.56 } });
  await report(operator, 'demo', { category: 'public-order', severity: 2, title: 'Demonstration at Konyokonyo market', location: { lat: 4.84, lon: 31.61 } });
  await moveStatus(operator, 'demo', 'verified');
  await moveStatus(operator, 'demo', 'resolved');
  context = await laptopContext('commander');
  desk = await openDashboard(context, dashboardServer.server.url);
  page = desk.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

// Generous: the machine is shared, and software WebGL draws slowly.
describe('the commander’s workstation at 1366×768', { timeout: 120_000 }, () => {
  it('lists incidents newest first, open ones by default, with counts per status and the open count on its button', async () => {
    expect(made.get('theft')?.fieldOffice).toBe('bor');
    await expect.poll(() => page.getByTestId('incidents-open-count').getAttribute('data-count'), { timeout: 20_000 }).toBe('3');
    await page.keyboard.press('n');
    const panel = page.getByTestId('incidents-panel');
    await panel.waitFor();
    await expect.poll(rowIds, { timeout: 10_000 }).toEqual(idsOf('theft', 'attack', 'raid'));
    expect(await page.getByTestId('incidents-count-reported').getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('incidents-count-resolved').getAttribute('data-count')).toBe('1');
    const row = panel.getByTestId(`incident-row-${made.get('attack')?.id}`);
    expect(await row.textContent()).toMatch(/^TCArmed men seen at Hai Malakal marketReported4 CriticalMalakal(\d+ s ago|just now)$/);
    await page.screenshot({ path: '/tmp/workstation-incidents.png' });
  });

  it('narrows the list by category, severity, status, field office and title', async () => {
    const panel = page.getByTestId('incidents-panel');
    // Category: several at once.
    await page.getByTestId('incidents-filter-category-summary').click();
    await page.getByTestId('incidents-category-cattle-raiding').check();
    await expect.poll(rowIds).toEqual(idsOf('raid'));
    await page.getByTestId('incidents-category-crime').check();
    await expect.poll(rowIds).toEqual(idsOf('theft', 'raid'));
    expect(await page.getByTestId('incidents-filter-category-summary').textContent()).toBe('2 categories');
    await page.screenshot({ path: '/tmp/workstation-incidents-categories.png' });
    await page.getByTestId('incidents-category-cattle-raiding').uncheck();
    await page.getByTestId('incidents-category-crime').uncheck();
    await page.getByTestId('incidents-filter-category-summary').click();
    await expect.poll(rowIds).toEqual(idsOf('theft', 'attack', 'raid'));

    // Severity: this and worse.
    await page.getByTestId('incidents-filter-severity').selectOption('3');
    await expect.poll(rowIds).toEqual(idsOf('attack', 'raid'));
    await page.getByTestId('incidents-filter-severity').selectOption('1');

    // Status: every one, or one step of the lifecycle from its count.
    await page.getByTestId('incidents-filter-status').selectOption('all');
    await expect.poll(rowIds).toEqual(idsOf('demo', 'theft', 'attack', 'raid'));
    await page.getByTestId('incidents-count-resolved').click();
    await expect.poll(rowIds).toEqual(idsOf('demo'));
    expect(await page.getByTestId('incidents-filter-status').inputValue()).toBe('resolved');
    await page.getByTestId('incidents-count-resolved').click();
    await expect.poll(rowIds).toEqual(idsOf('theft', 'attack', 'raid'));

    // Field office; the counts follow it.
    await page.getByTestId('incidents-filter-office').selectOption('bor');
    await expect.poll(rowIds).toEqual(idsOf('theft'));
    expect(await page.getByTestId('incidents-count-reported').getAttribute('data-count')).toBe('1');
    await page.getByTestId('incidents-filter-office').selectOption('all');

    // Title search, and a search that finds nothing says so.
    await page.getByTestId('incidents-search').fill('market');
    await expect.poll(rowIds).toEqual(idsOf('attack'));
    await page.getByTestId('incidents-search').fill('no such place');
    await expect.poll(() => panel.getByTestId('incidents-empty').textContent()).toBe('No incident matches these filters.');
    // Typing a shortcut's letter in the search types it: nothing opens or closes.
    await page.getByTestId('incidents-search').fill('');
    await page.getByTestId('incidents-search').pressSequentially('gmnu');
    expect(await page.getByTestId('incidents-search').inputValue()).toBe('gmnu');
    expect(await page.getByTestId('goto-box').count()).toBe(0);
    expect(await page.getByTestId('measure-card').count()).toBe(0);
    expect(await page.getByTestId('units-panel').count()).toBe(0);
    // Escape in the search clears it, and leaves the list open.
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('incidents-search').inputValue()).toBe('');
    await expect.poll(rowIds).toEqual(idsOf('theft', 'attack', 'raid'));
  });

  it('keeps the filters for the session: across closing the list and reloading the page', async () => {
    await page.getByTestId('incidents-filter-severity').selectOption('3');
    await expect.poll(rowIds).toEqual(idsOf('attack', 'raid'));
    await blur();
    await page.keyboard.press('n');
    await page.getByTestId('incidents-panel').waitFor({ state: 'detached' });
    await page.keyboard.press('n');
    await expect.poll(rowIds).toEqual(idsOf('attack', 'raid'));
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.keyboard.press('n');
    await expect.poll(rowIds, { timeout: 10_000 }).toEqual(idsOf('attack', 'raid'));
    expect(await page.getByTestId('incidents-filter-severity').inputValue()).toBe('3');
    await page.getByTestId('incidents-filter-reset').click();
    await expect.poll(rowIds).toEqual(idsOf('theft', 'attack', 'raid'));
  });

  it('opens an incident from its row: details with the timeline, and the map flown to it, clear of the panels', async () => {
    const attack = made.get('attack');
    if (!attack) throw new Error('no incident');
    await page.getByTestId(`incident-row-${attack.id}`).click();
    const details = page.getByTestId('incident-details');
    await expect.poll(() => details.getByTestId('detail-title').textContent(), { timeout: 10_000 }).toBe(attack.title);
    await expect.poll(() => details.getByTestId('incident-timeline-entry').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await details.getByTestId('incident-timeline').textContent()).toMatch(/operator\d+/);
    expect(await page.getByTestId(`incident-row-${attack.id}`).getAttribute('aria-current')).toBe('true');
    // The flight starts a frame after the click: wait for it to arrive, then to stop.
    await expect.poll(() => page.evaluate(() => window.__opsMap?.getZoom()), { timeout: 20_000 }).toBeGreaterThanOrEqual(10.9);
    await settled();
    // The incident sits between the list on the left and the details on the right.
    const at = await onPage(attack.location);
    const list = await page.getByTestId('incidents-panel').boundingBox();
    const panel = await page.getByTestId('details-panel').boundingBox();
    expect(at.x).toBeGreaterThan((list?.x ?? 0) + (list?.width ?? 0));
    expect(at.x).toBeLessThan(panel?.x ?? 0);
    await page.screenshot({ path: '/tmp/workstation-incident-details.png' });
  });

  it('closes the topmost thing with each Escape: details, then the list opened last', async () => {
    await page.keyboard.press('u');
    await page.getByTestId('units-panel').waitFor();
    await page.screenshot({ path: '/tmp/workstation-two-lists.png' });
    await page.keyboard.press('Escape');
    await page.getByTestId('details-panel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('units-panel').count()).toBe(1);
    expect(await page.getByTestId('incidents-panel').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('units-panel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('incidents-panel').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('incidents-panel').waitFor({ state: 'detached' });
  });

  it('reads the position under the pointer in MGRS and decimal degrees, and copies the grid reference', async () => {
    await jumpTo(JUBA, 16);
    const at = await onPage(JUBA);
    await page.mouse.move(at.x - 40, at.y - 40);
    await page.mouse.move(at.x, at.y);
    const mgrs = page.getByTestId('cursor-mgrs');
    await expect.poll(() => page.getByTestId('cursor-dd').textContent(), { timeout: 10_000 }).toMatch(/^4\.8500\d° N, 31\.6000\d° E$/);
    const shown = (await mgrs.textContent()) ?? '';
    expect(shown).toMatch(/^36N UL \d{5} \d{5}$/);
    // The reference read back is within a few metres of the place (one pixel at this zoom is about 2 m).
    const [lon, lat] = toPoint(shown.replace(/\s/g, ''));
    expect(distance([lon ?? 0, lat ?? 0], [JUBA.lon, JUBA.lat], { units: 'meters' })).toBeLessThan(5);
    expect(shown.slice(0, 9)).toBe(formatMgrs(JUBA.lon, JUBA.lat).slice(0, 9));
    expect(await page.getByTestId('cursor-readout').getAttribute('data-room')).toBe('yes');
    await page.screenshot({ path: '/tmp/workstation-cursor.png' });

    // C copies what is under the pointer; so does a click on the readout.
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('cursor-copied').textContent()).toBe(`Copied ${shown}`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByTestId('cursor-mgrs').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  });

  it('goes to a typed grid reference and marks it; says what is wrong with one it cannot read', async () => {
    await jumpTo({ lat: 7.5, lon: 30.5 }, 6);
    await page.keyboard.press('g');
    const input = page.getByTestId('goto-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('Konyokonyo');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('goto-problem').textContent()).toMatch(/^"Konyokonyo" is neither a grid reference .* nor latitude, longitude/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('36N UL 4281 372');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('goto-problem').textContent()).toBe('The easting and northing need the same number of digits; 7 were typed.');
    expect(await page.evaluate(() => window.__opsMap?.getZoom())).toBeCloseTo(6, 5);

    const target = formatMgrs(NORTH_OF_JUBA.lon, NORTH_OF_JUBA.lat);
    await input.fill(target);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('goto-marked').textContent()).toContain(target);
    expect(await page.getByTestId('goto-problem').count()).toBe(0);
    // The map flies in close.
    await expect.poll(() => page.evaluate(() => window.__opsMap?.getZoom()), { timeout: 20_000 }).toBeGreaterThanOrEqual(12.9);
    await settled();
    // The mark is drawn where the reference points, on the map and clear of the tool box.
    const marks = await page.evaluate(() => window.__opsMap?.queryRenderedFeatures({ layers: ['ops-workstation-goto-ring'] }).map((f) => f.geometry));
    expect(marks).toHaveLength(1);
    const mark = marks?.[0];
    const [markLon, markLat] = mark?.type === 'Point' ? mark.coordinates : [];
    expect(distance([markLon ?? 0, markLat ?? 0], [NORTH_OF_JUBA.lon, NORTH_OF_JUBA.lat], { units: 'meters' })).toBeLessThan(2);
    const at = await onPage(NORTH_OF_JUBA);
    const box = await page.getByTestId('goto-box').boundingBox();
    expect(at.y > (box?.y ?? 0) + (box?.height ?? 0) || at.x < (box?.x ?? 0) || at.x > (box?.x ?? 0) + (box?.width ?? 0)).toBe(true);
    await page.screenshot({ path: '/tmp/workstation-goto.png' });

    // Escape in the box closes it, and the mark goes with it.
    await input.press('Escape');
    await page.getByTestId('goto-box').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => window.__opsMap?.queryRenderedFeatures({ layers: ['ops-workstation-goto-ring'] }).length))
      .toBe(0);
  });

  it('measures between known points: each leg and the total in km as turf has it, the bearing in degrees and mils', async () => {
    await jumpTo({ lat: (JUBA.lat + NORTH_OF_JUBA.lat) / 2, lon: (JUBA.lon + NORTH_OF_JUBA.lon) / 2 }, 9);
    await settled();
    await page.getByTestId('open-measure').click();
    await page.getByTestId('measure-hint').waitFor();
    // The first point is on the Juba field office, which a click would otherwise open.
    const a = await onPage(JUBA);
    await page.mouse.click(a.x, a.y);
    await expect.poll(() => page.getByTestId('measure-card').getAttribute('data-points')).toBe('1');
    expect(await page.getByTestId('details-panel').count()).toBe(0);
    const b = await onPage(NORTH_OF_JUBA);
    await page.mouse.click(b.x, b.y);
    await expect.poll(() => page.getByTestId('measure-card').getAttribute('data-points')).toBe('2');

    const expected = distance([JUBA.lon, JUBA.lat], [NORTH_OF_JUBA.lon, NORTH_OF_JUBA.lat], { units: 'kilometers' });
    const km = Number(await page.getByTestId('measure-total').getAttribute('data-km'));
    expect(Math.abs(km - expected) / expected).toBeLessThan(0.01);
    expect(await page.getByTestId('measure-total').textContent()).toMatch(/^\d+\.\d\d km$/);
    expect(Number((await page.getByTestId('measure-total').textContent())?.replace(' km', ''))).toBeCloseTo(expected, 0);
    expect(await page.getByTestId('measure-leg').count()).toBe(1);
    const degrees = Number(await page.getByTestId('measure-bearing').getAttribute('data-degrees'));
    expect(Math.abs(degrees - bearing([JUBA.lon, JUBA.lat], [NORTH_OF_JUBA.lon, NORTH_OF_JUBA.lat]))).toBeLessThan(0.5);
    const milsText = (await page.getByTestId('measure-bearing-mils').textContent()) ?? '';
    expect(milsText).toMatch(/^\d{4} mils$/);
    expect(Number(milsText.slice(0, 4))).toBe(Math.round((degrees * 6400) / 360) % 6400);
    expect(await page.getByTestId('measure-bearing-degrees').textContent()).toMatch(/^0\d\d\.\d°$/);
    // Drawn on the map: the path and its two points.
    const drawn = (layer: string) => page.evaluate((id) => window.__opsMap?.queryRenderedFeatures({ layers: [id] }).length ?? 0, layer);
    await expect.poll(() => drawn('ops-workstation-measure-vertex'), { timeout: 10_000 }).toBe(2);
    expect(await drawn('ops-workstation-measure-line')).toBeGreaterThan(0);
    await page.mouse.move(b.x + 120, b.y + 60);
    await page.screenshot({ path: '/tmp/workstation-measure.png' });

    // A third point, taken back with Backspace; Escape ends it and clears the map.
    await page.mouse.click(b.x + 120, b.y + 60);
    await expect.poll(() => page.getByTestId('measure-leg').count()).toBe(2);
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByTestId('measure-leg').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('measure-card').waitFor({ state: 'detached' });
    expect(await page.getByTestId('open-measure').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => drawn('ops-workstation-measure-vertex'), { timeout: 10_000 }).toBe(0);
    // Clicks open details again.
    const office = await onPage(JUBA);
    await page.mouse.click(office.x, office.y);
    await page.getByTestId('details-panel').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('details-panel').waitFor({ state: 'detached' });
  });

  it('lists every shortcut on ?, and Escape closes the list', async () => {
    await blur();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    const keys = await help.getByTestId('shortcut-help-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    for (const key of ['N', 'U', 'P', 'A', 'I', 'G', 'M', 'C', 'Backspace', 'Esc', '?']) expect(keys).toContain(key);
    // And every key a control on the page announces (the replay's R among them, when it is there).
    const announced = await page.locator('[aria-keyshortcuts]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-keyshortcuts')?.toUpperCase()));
    for (const key of announced) expect(keys).toContain(key);
    expect(await help.textContent()).toContain('Measure a distance');
    await page.screenshot({ path: '/tmp/workstation-shortcuts.png' });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('did all of it without an error in the console or a request leaving the server', () => {
    expect(desk.watch.consoleErrors).toEqual([]);
    expect(desk.cspViolations).toEqual([]);
    expect(desk.watch.foreignRequests).toEqual([]);
  });

  it('leaves the wall display without the desk’s tools and with no readout', { timeout: 240_000 }, async () => {
    // The desk is done with: its map would slow this one down.
    await page.close();
    const wallPage = await (await laptopContext('commander')).newPage();
    const watch = watchPage(wallPage);
    await wallPage.goto(`${dashboardServer.server.url}/?test=1&view=wall`);
    await wallPage.waitForSelector('body[data-map-ready="true"]', { timeout: 180_000 });
    expect(await wallPage.locator('.app').getAttribute('data-view')).toBe('wall');
    await wallPage.mouse.move(700, 450);
    await wallPage.mouse.move(710, 460);
    await wallPage.keyboard.press('n');
    await wallPage.keyboard.press('m');
    expect(await wallPage.getByTestId('cursor-readout').count()).toBe(0);
    expect(await wallPage.getByTestId('open-incidents').count()).toBe(0);
    expect(await wallPage.getByTestId('open-measure').count()).toBe(0);
    expect(await wallPage.getByTestId('incidents-panel').count()).toBe(0);
    expect(await wallPage.getByTestId('measure-card').count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
  });
});
