import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import { IncidentSummary } from '../../shared/incidents.js';
import { Unit, type UnitRegistration } from '../../shared/units.js';
import { smallestTextSize, WALL_MIN_TEXT_PX } from '../../client/wall/labelSize.js';
import { launchChromium, watchPage } from '../support/browser.js';
import { smallTexts } from '../support/text-size.js';
import { postAsDevice, signInOverHttp, type Client } from '../support/server.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

const ADMIN_PASSWORD = 'wall-display-test-password';
const MINUTE = 60_000;
/** Seconds between views on the wall under test: long enough to look, short enough to wait for. */
const CYCLE_S = 15;

let browser: Browser;
let server: ServerProcess;
let port: number;
let dataDir: string;

/** An element's text as a screen reader would say it, spaces folded. */
const textOf = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ops-wall-'));
  port = await freePort();
  server = await startServerProcess({ port, dataDir, adminPassword: ADMIN_PASSWORD });
  // As README says to start the display's browser: sound allowed without a click.
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const data = <S extends z.ZodType>(schema: S, reply: { status: number; body: unknown }): z.output<S> => {
  const envelope = z.object({ ok: z.literal(true), data: z.unknown() }).safeParse(reply.body);
  if (!envelope.success) throw new Error(`unexpected reply ${reply.status}: ${JSON.stringify(reply.body)}`);
  return schema.parse(envelope.data.data);
};

// Malakal: two live, one stale, one lost. Bor: one live, one stale. Juba: one static post, live.
const ROSTER: (UnitRegistration & { ageMs: number; lat: number; lon: number })[] = [
  { id: 'mal-fpu-1', callsign: 'MAL-FPU-1', type: 'fpu-vehicle', fieldOffice: 'malakal', ageMs: 10_000, lat: 9.53, lon: 31.66 },
  { id: 'mal-fpu-2', callsign: 'MAL-FPU-2', type: 'fpu-vehicle', fieldOffice: 'malakal', ageMs: 20_000, lat: 9.6, lon: 31.7 },
  { id: 'mal-ipo-1', callsign: 'MAL-IPO-1', type: 'ipo-foot', fieldOffice: 'malakal', ageMs: 9 * MINUTE, lat: 9.55, lon: 31.64 },
  { id: 'mal-fpu-3', callsign: 'MAL-FPU-3', type: 'fpu-vehicle', fieldOffice: 'malakal', ageMs: 25 * MINUTE, lat: 9.4, lon: 31.5 },
  { id: 'bor-fpu-2', callsign: 'BOR-FPU-2', type: 'fpu-vehicle', fieldOffice: 'bor', ageMs: 15_000, lat: 6.21, lon: 31.56 },
  { id: 'bor-fpu-3', callsign: 'BOR-FPU-3', type: 'fpu-vehicle', fieldOffice: 'bor', ageMs: 5 * MINUTE, lat: 6.3, lon: 31.6 },
  { id: 'jub-post-1', callsign: 'JUB-POST-1', type: 'static-post', fieldOffice: 'juba', ageMs: 2 * MINUTE, lat: 4.85, lon: 31.58 },
];

/** How many visible text nodes the check looked at, so that an empty page does not pass it. */
function visibleTextCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.trim() && node.parentElement?.getClientRects().length) n += 1;
    }
    return n;
  });
}

/** The text size of every label layer on the map, as MapLibre holds it. */
function mapLabelSizes(page: Page): Promise<{ id: string; size: unknown }[]> {
  return page.evaluate(() => {
    const map = window.__opsMap;
    if (!map) throw new Error('the map is not exposed (test=1)');
    return map
      .getLayersOrder()
      .filter((id) => map.getLayer(id)?.type === 'symbol' && map.getLayoutProperty(id, 'text-field') !== undefined)
      .map((id) => ({ id, size: map.getLayoutProperty(id, 'text-size') }));
  });
}

function camera(page: Page): Promise<{ lon: number; lat: number; zoom: number; moving: boolean; west: number; east: number; south: number; north: number }> {
  return page.evaluate(() => {
    const map = window.__opsMap;
    if (!map) throw new Error('the map is not exposed (test=1)');
    const c = map.getCenter();
    const b = map.getBounds();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom(), moving: map.isMoving(), west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth() };
  });
}

/** Where the map draws a unit now (markers glide, so this converges on the fix). */
function drawnAt(page: Page, unitId: string): Promise<[number, number] | null> {
  return page.evaluate((id) => {
    const map = window.__opsMap;
    if (!map) throw new Error('the map is not exposed (test=1)');
    const feature = map.querySourceFeatures('ops-units').find((f) => f.properties.id === id);
    return feature?.geometry.type === 'Point' ? [feature.geometry.coordinates[0] ?? 0, feature.geometry.coordinates[1] ?? 0] : null;
  }, unitId);
}

const jubaHhMm = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Juba', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/** The live, stale and lost figures a field office's cell shows, read from its text. */
async function officeFigures(page: Page, office: string): Promise<number[]> {
  const text = (await page.getByTestId(`wall-office-${office}`).innerText()).replace(/\s+/g, ' ');
  const match = /(\d+)\s*·\s*(\d+)\s*·\s*(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
}

async function expectedOffices(admin: Client): Promise<Map<string, number[]>> {
  const { units } = data(z.object({ units: z.array(Unit) }), await admin.get('/api/units'));
  const byOffice = new Map<string, number[]>();
  for (const unit of units) {
    const row = byOffice.get(unit.fieldOffice) ?? [0, 0, 0];
    const i = { live: 0, stale: 1, lost: 2, unknown: -1 }[unit.status];
    if (i >= 0) row[i] = (row[i] ?? 0) + 1;
    byOffice.set(unit.fieldOffice, row);
  }
  return byOffice;
}

async function expectedAlerts(admin: Client): Promise<{ open: number; oldest: Alert | null }> {
  const alerts = data(z.array(Alert), await admin.get('/api/alerts'));
  // Waiting for a desk; notices (born resolved at the lowest severity) do not count.
  const open = alerts.filter((a) => a.acknowledgedAt === null && !(a.severity <= 1 && a.resolvedAt === a.raisedAt));
  open.sort((a, b) => a.raisedAt - b.raisedAt);
  return { open: open.length, oldest: open[0] ?? null };
}

it('runs a JOC wall from its link: figures, hot spots, large text, an SOS, and a server restart, never clicked', async () => {
  const url = server.url;
  const admin = await signInOverHttp(url, 'admin', ADMIN_PASSWORD);
  const now = Date.now();

  // The server's state: patrols in three offices, fresh and silent; incidents old and new.
  expect((await admin.send('POST', '/api/units', { units: ROSTER.map(({ id, callsign, type, fieldOffice }) => ({ id, callsign, type, fieldOffice })) })).status).toBe(200);
  const tokens = new Map<string, string>();
  for (const unit of ROSTER) {
    const issued = data(z.object({ token: z.string() }), await admin.send('POST', '/api/admin/device-tokens', { unitId: unit.id, label: `${unit.callsign} phone` }));
    tokens.set(unit.id, issued.token);
    const sent = await postAsDevice(`${url}/api/positions`, issued.token, { reports: [{ unitId: unit.id, time: now - unit.ageMs, lat: unit.lat, lon: unit.lon, activity: 'on-patrol' }] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  }
  const reports = [
    { category: 'cattle-raiding', severity: 3, title: 'Cattle raid east of Pibor', location: { lat: 6.85, lon: 33.3 }, occurredAt: now - 2 * 3600_000 },
    { category: 'cattle-raiding', severity: 2, title: 'Cattle taken near Yirol', location: { lat: 6.55, lon: 30.5 }, occurredAt: now - 5 * 3600_000 },
    { category: 'intercommunal-clash', severity: 4, title: 'Clash at Tonj market', location: { lat: 7.27, lon: 28.68 }, occurredAt: now - 3600_000 },
    { category: 'crime', severity: 1, title: 'Theft reported two days ago', location: { lat: 4.86, lon: 31.6 }, occurredAt: now - 30 * 3600_000 },
  ];
  for (const report of reports) expect((await admin.send('POST', '/api/incidents', report)).status).toBe(201);

  // The wall display opens its link once, at 1920×1080; nothing on it is ever clicked.
  const link = data(z.object({ path: z.string() }), await admin.send('POST', '/api/admin/wall-links', { label: 'JOC main wall' }));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __clicks: number };
    w.__clicks = 0;
    for (const type of ['pointerdown', 'click', 'keydown']) window.addEventListener(type, () => (w.__clicks += 1), { capture: true });
  });
  await page.goto(`${url}${link.path}?cycle=${CYCLE_S}`);
  expect(new URL(page.url()).searchParams.get('view')).toBe('wall');
  expect(new URL(page.url()).searchParams.get('cycle')).toBe(String(CYCLE_S));
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
  // The same wall session, with the map exposed to the test.
  await page.goto(`${url}/?view=wall&cycle=${CYCLE_S}&test=1`);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
  expect(await page.getByTestId('signed-in-as').innerText()).toContain('Wall display');
  expect(await page.locator('.app').getAttribute('data-view')).toBe('wall');

  // The whole mission in view, with its caption.
  const focus = page.getByTestId('wall-focus');
  await expect.poll(() => focus.getAttribute('data-focus'), { timeout: 30_000 }).toBe('mission');
  await expect.poll(async () => (await camera(page)).moving, { timeout: 30_000 }).toBe(false);
  const whole = await camera(page);
  expect(whole.west).toBeLessThanOrEqual(23.9);
  expect(whole.east).toBeGreaterThanOrEqual(35.3);
  expect(whole.south).toBeLessThanOrEqual(3.5);
  expect(whole.north).toBeGreaterThanOrEqual(12.2);
  expect(await textOf(page, 'wall-focus')).toMatch(/^Whole mission · \d+ hot spots?, shown in turn$/);

  // The figures are the server's: per office live · stale · lost, incidents of the last 24 h, open alerts.
  const offices = await expectedOffices(admin);
  expect(offices.get('malakal')).toEqual([2, 1, 1]);
  for (const [office, figures] of offices) {
    await expect.poll(() => officeFigures(page, office), { timeout: 30_000 }).toEqual(figures);
  }
  expect(await page.getByTestId('wall-office-malakal').innerText()).toMatch(/^MALAKAL/);
  expect(await page.getByTestId('wall-patrols-total').innerText()).toBe(String(ROSTER.length));
  expect(await textOf(page, 'wall-patrols-totals')).toBe('4 live 2 stale 1 lost');
  expect(await page.getByTestId('wall-office-wau').count()).toBe(0);

  const incidents = data(z.array(IncidentSummary), await admin.get('/api/incidents'));
  const dayAgo = Date.now() - 24 * 3600_000;
  const recent = incidents.filter((i) => i.occurredAt >= dayAgo && i.status !== 'false-report');
  expect(recent.length).toBe(3);
  await expect.poll(() => page.getByTestId('wall-incidents-total').innerText()).toBe(String(recent.length));
  expect(await page.getByTestId('wall-category-cattle-raiding').innerText()).toMatch(/Cattle raiding\s*2$/);
  expect(await page.getByTestId('wall-category-intercommunal-clash').innerText()).toMatch(/Intercommunal clash\s*1$/);
  expect(await page.getByTestId('wall-category-crime').count()).toBe(0);
  // Most first.
  const categoryOrder = await page.locator('[data-testid^="wall-category-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
  expect(categoryOrder[0]).toBe('wall-category-cattle-raiding');

  const alertsBefore = await expectedAlerts(admin);
  expect(alertsBefore.open).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('wall-open-alerts').innerText(), { timeout: 30_000 }).toBe(String(alertsBefore.open));
  await expect.poll(() => page.getByTestId('wall-oldest-alert').getAttribute('data-alert-id')).toBe(alertsBefore.oldest?.id);
  expect(await page.getByTestId('wall-oldest-alert').innerText()).toMatch(/· \d+ (s|min)$/);

  // Nothing legible only from a desk: every visible text at least 18 px, the map's labels too.
  expect(await visibleTextCount(page)).toBeGreaterThan(40);
  expect(await smallTexts(page, WALL_MIN_TEXT_PX)).toEqual([]);
  const labels = await mapLabelSizes(page);
  expect(labels.length).toBeGreaterThanOrEqual(6);
  for (const { id, size } of labels) expect(smallestTextSize(size), `${id}: ${JSON.stringify(size)}`).toBeGreaterThanOrEqual(WALL_MIN_TEXT_PX);
  await page.screenshot({ path: '/tmp/wall-mission.png' });

  // By itself, the wall takes a closer look at a hot spot, and says which.
  await expect.poll(() => focus.getAttribute('data-focus'), { timeout: (CYCLE_S + 20) * 1000 }).toBe('hotspot');
  expect(await textOf(page, 'wall-focus')).toMatch(/^Focus: .+ · 1 of \d+$/);
  await expect.poll(async () => (await camera(page)).zoom, { timeout: 30_000 }).toBeGreaterThan(9);
  await page.screenshot({ path: '/tmp/wall-hotspot.png' });
  // …and goes back to the whole mission.
  await expect.poll(() => focus.getAttribute('data-focus'), { timeout: (CYCLE_S + 20) * 1000 }).toBe('mission');

  // An SOS: the banner on the wall at once, and the focus moves to the patrol.
  const sosAt = { lat: 6.4, lon: 31.7 };
  const sos = await postAsDevice(`${url}/api/positions`, tokens.get('bor-fpu-2') ?? '', {
    reports: [{ unitId: 'bor-fpu-2', time: Date.now(), ...sosAt, activity: 'sos' }],
  });
  expect(sos.status).toBe(200);
  const banner = page.getByTestId('alert-banner');
  await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('SOS from BOR-FPU-2');
  await expect.poll(() => textOf(page, 'wall-focus'), { timeout: 15_000 }).toMatch(/^New alert: SOS — BOR-FPU-2 · 1 of \d+$/);
  expect(await focus.getAttribute('data-focus-key')).toBe('unit:bor-fpu-2');
  await expect
    .poll(
      async () => {
        const c = await camera(page);
        return !c.moving && Math.abs(c.lon - sosAt.lon) < 0.02 && Math.abs(c.lat - sosAt.lat) < 0.02 && c.zoom > 10.5;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  expect(await page.getByTestId('alert-ack').count()).toBe(0);
  // The alarm sounds with nobody having clicked the page.
  expect(await page.getByTestId('enable-sound').count()).toBe(0);
  await expect.poll(() => page.getByTestId('wall-office-bor').getAttribute('data-sos'), { timeout: 15_000 }).toBe('1');
  const alertsWithSos = await expectedAlerts(admin);
  expect(alertsWithSos.open).toBe(alertsBefore.open + 1);
  await expect.poll(() => page.getByTestId('wall-open-alerts').innerText(), { timeout: 15_000 }).toBe(String(alertsWithSos.open));
  expect(await smallTexts(page, WALL_MIN_TEXT_PX)).toEqual([]);
  await page.screenshot({ path: '/tmp/wall-sos.png' });

  // The server stops: the wall says since when the link is lost, in Juba time.
  const stoppedAt = Date.now();
  await server.stop();
  const lost = page.getByTestId('link-banner-headline');
  await lost.waitFor({ timeout: 30_000 });
  const seenAt = Date.now();
  const headline = await lost.innerText();
  expect([`LINK LOST SINCE ${jubaHhMm(stoppedAt)} (Juba)`, `LINK LOST SINCE ${jubaHhMm(seenAt)} (Juba)`]).toContain(headline);
  expect(await page.getByTestId('link-state').getAttribute('data-state')).not.toBe('connected');
  expect(await smallTexts(page, WALL_MIN_TEXT_PX)).toEqual([]);
  await page.screenshot({ path: '/tmp/wall-link-lost.png' });
  // Long enough down that the screen calls it offline, not a blip.
  await expect.poll(() => page.getByTestId('link-banner').getAttribute('data-state'), { timeout: 40_000 }).toBe('offline');
  expect(await lost.innerText()).toBe(headline);

  // Restarted on the same port and data: the wall reconnects, still signed in, and shows fresh positions.
  server = await startServerProcess({ port, dataDir, adminPassword: ADMIN_PASSWORD });
  const freshAt = { lat: 9.45, lon: 31.58 };
  const fresh = await postAsDevice(`${server.url}/api/positions`, tokens.get('mal-fpu-3') ?? '', {
    reports: [{ unitId: 'mal-fpu-3', time: Date.now(), ...freshAt, activity: 'on-patrol' }],
  });
  expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
  await expect.poll(() => page.getByTestId('link-banner').count(), { timeout: 90_000 }).toBe(0);
  await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state')).toBe('connected');
  // Malakal's lost patrol reported again: live now, on the wall as on the server.
  const afterRestart = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
  const officesAfter = await expectedOffices(afterRestart);
  expect(officesAfter.get('malakal')).toEqual([3, 1, 0]);
  await expect.poll(() => officeFigures(page, 'malakal'), { timeout: 30_000 }).toEqual(officesAfter.get('malakal'));
  await expect
    .poll(
      async () => {
        const at = await drawnAt(page, 'mal-fpu-3');
        return at !== null && Math.abs(at[0] - freshAt.lon) < 1e-4 && Math.abs(at[1] - freshAt.lat) < 1e-4;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(await page.getByTestId('signed-in-as').innerText()).toContain('Wall display');
  expect(await page.getByTestId('login-form').count()).toBe(0);
  // The SOS still waits for a desk: its banner is back after the restart.
  await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('SOS from BOR-FPU-2');
  await page.screenshot({ path: '/tmp/wall-recovered.png' });

  expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
  expect(watch.foreignRequests).toEqual([]);
  // While the server was down Chromium logs the refused connections; anything else is a defect.
  const defects = watch.consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|status of 50[23]/.test(e));
  expect(defects, watch.consoleErrors.join('\n')).toEqual([]);
  await context.close();
}, 420_000);
