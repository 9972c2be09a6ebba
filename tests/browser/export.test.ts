import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { SHEET } from '../../client/export/compose.js';
import { coarsen } from '../../server/incidents/redaction.js';
import { launchChromium } from '../support/browser.js';
import { openDashboard, startDashboardServer, type OpenedDashboard } from '../support/dashboard.js';
import { csvRecords, FeatureCollection, kmlData, kmlPlacemarks } from '../support/export-formats.js';
import { postAsDevice, testUnit, type Client } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

const VICTIM = 'Nyabol Chuol';
const WITNESS = 'Peter Lam Gatkuoth';
const SGBV_AT = { lat: 9.53817, lon: 31.66213 };
const MALAKAL = { lat: 9.54, lon: 31.655 };
const ids: Record<string, string> = {};

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 4 });
  browser = await launchChromium();
  const { server } = dashboardServer;
  const investigator = await server.signIn('commander', { sensitive: true });
  const report = async (client: Client, body: unknown) => {
    const res = await client.send('POST', '/api/incidents', body);
    expect(res.status).toBe(201);
    return z.object({ data: z.object({ id: z.string() }) }).parse(res.body).data.id;
  };
  ids.sgbv = await report(investigator, {
    category: 'sgbv',
    severity: 4,
    title: 'Assault reported at the POC site water point',
    location: SGBV_AT,
    victims: [{ name: VICTIM, sex: 'female' }],
    witnesses: [{ name: WITNESS, sex: 'male' }],
  });
  ids.theft = await report(investigator, { category: 'crime', severity: 2, title: '=cmd theft at Malakal market', location: { lat: 9.55, lon: 31.645 } });
  ids.clash = await report(investigator, { category: 'intercommunal-clash', severity: 3, title: 'Youths clash by the river', location: { lat: 9.525, lon: 31.675 } });

  // A patrol of our own drives through Malakal town over the last 20 minutes, a fix a minute.
  await server.register([testUnit('mal-exp-1', { callsign: 'MAL-FPU-EXP', fieldOffice: 'malakal' })]);
  const token = await server.deviceToken('mal-exp-1');
  const now = Date.now();
  const reports = Array.from({ length: 20 }, (_, i) => ({ unitId: 'mal-exp-1', time: now - (20 - i) * 60_000, lat: 9.53 + i * 0.001, lon: 31.64 + i * 0.0015, speed: 4, activity: 'on-patrol' }));
  const res = await postAsDevice(`${server.url}/api/positions`, token, { reports });
  expect(res.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

// A test that fails half way leaves no page drawing a map behind it.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function contextFor(client: Client): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  contexts.push(context);
  const [name, value] = client.cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: dashboardServer.server.url }]);
  return context;
}

/** Clicks an Export menu button and reads the file the browser saves. */
async function downloadFrom(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

const text = (bytes: Buffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function openMenu(screen: OpenedDashboard): Promise<void> {
  await screen.page.getByTestId('open-export').click();
  await screen.page.getByTestId('export-menu').waitFor();
}

async function lookAtMalakal(page: Page): Promise<void> {
  await page.evaluate(({ lon, lat }) => window.__opsMap?.jumpTo({ center: [lon, lat], zoom: 12.5 }), MALAKAL);
  // Wait until the map has drawn the incidents there.
  await expect
    .poll(() => page.evaluate(() => window.__opsMap?.queryRenderedFeatures({ layers: ['ops-incidents-marker'] }).length ?? 0), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3);
}

it('downloads incidents and patrol tracks in each format from the Export menu, as the viewer may see them', async () => {
  const { server } = dashboardServer;
  const screen = await openDashboard(await contextFor(await server.signIn('viewer')), server.url);
  const { page } = screen;
  await openMenu(screen);

  const geo = await downloadFrom(page, 'export-incidents-geojson');
  expect(geo.name).toMatch(/^unmiss-incidents-\d{6}Z[A-Z]{3}\d{2}\.geojson$/);
  const collection = FeatureCollection.parse(JSON.parse(text(geo.bytes)));
  expect(collection.features.map((f) => f.id).sort()).toEqual([ids.sgbv, ids.theft, ids.clash].sort());
  const sgbv = collection.features.find((f) => f.id === ids.sgbv);
  expect(sgbv?.geometry).toEqual({ type: 'Point', coordinates: [coarsen(SGBV_AT.lon), coarsen(SGBV_AT.lat)] });
  expect(sgbv?.properties?.locationCoarsened).toBe(true);
  await expect.poll(() => page.getByTestId('export-status').textContent()).toMatch(/Saved unmiss-incidents-\w+\.geojson — 3 incidents\./);

  const kml = await downloadFrom(page, 'export-incidents-kml');
  expect(kml.name).toMatch(/\.kml$/);
  const placemarks = kmlPlacemarks(text(kml.bytes));
  expect(placemarks.find((p) => kmlData(p).id === ids.sgbv)?.Point?.coordinates).toBe(`${coarsen(SGBV_AT.lon)},${coarsen(SGBV_AT.lat)}`);

  const csv = await downloadFrom(page, 'export-incidents-csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvRecords(text(csv.bytes));
  expect(rows.find((r) => r.id === ids.theft)?.title).toBe("'=cmd theft at Malakal market");
  for (const file of [geo, kml, csv]) {
    for (const secret of [VICTIM, WITNESS, String(SGBV_AT.lat), String(SGBV_AT.lon)]) expect(text(file.bytes)).not.toContain(secret);
  }

  // Tracks over the last hour, every fix.
  await page.getByTestId('export-window').selectOption('1h');
  await page.getByTestId('export-track-spacing').selectOption('0');
  const tracks = FeatureCollection.parse(JSON.parse(text((await downloadFrom(page, 'export-tracks-geojson')).bytes)));
  const ours = tracks.features.find((f) => f.id === 'mal-exp-1');
  expect(ours?.geometry?.type).toBe('LineString');
  expect(ours?.properties).toMatchObject({ callsign: 'MAL-FPU-EXP', fixes: 20 });
  // The simulated patrols are there too.
  expect(tracks.features.length).toBeGreaterThan(1);

  const trackKml = kmlPlacemarks(text((await downloadFrom(page, 'export-tracks-kml')).bytes));
  expect(trackKml.find((p) => p.folder === 'Tracks (with times)' && p.name === 'MAL-FPU-EXP')?.['gx:Track']?.when).toHaveLength(20);

  const trackCsv = csvRecords(text((await downloadFrom(page, 'export-tracks-csv')).bytes));
  expect(trackCsv.filter((r) => r.unit_id === 'mal-exp-1')).toHaveLength(20);
  await expect.poll(() => page.getByTestId('export-status').textContent()).toMatch(/Saved unmiss-tracks-\w+\.csv — [\d,]+ fixes\./);

  // A window typed wrong is refused before anything is asked of the server.
  await page.getByTestId('export-window').selectOption('custom');
  await page.getByTestId('export-from').fill('yesterday');
  await expect.poll(() => page.getByTestId('export-window-problem').textContent()).toBe('Type the start as YYYY-MM-DD HH:MM, Juba time.');
  expect(await page.getByTestId('export-incidents-csv').isDisabled()).toBe(true);
  await page.screenshot({ path: '/tmp/export-menu.png' });

  // A window the server refuses: its reason is shown, and tracks are not offered past 24 h.
  await page.getByTestId('export-from').fill('2024-01-01 00:00');
  await expect.poll(() => page.getByTestId('export-window-problem').count()).toBe(0);
  expect(await page.getByTestId('export-tracks-csv').isDisabled()).toBe(true);
  await page.getByTestId('export-incidents-csv').click();
  await expect.poll(() => page.getByTestId('export-status').textContent()).toBe('Incidents (CSV) not exported: the export window is longer than 366 days');

  const audit = await server.app.audit.list({ limit: 50 });
  expect(audit.filter((e) => e.action === 'export.incidents' && e.actor.startsWith('viewer'))).toHaveLength(3);
  expect(audit.filter((e) => e.action === 'export.tracks' && e.actor.startsWith('viewer'))).toHaveLength(3);
  // The one refusal asked for above; nothing else went wrong on the page.
  expect(screen.watch.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  expect(screen.cspViolations).toEqual([]);
}, 300_000);

interface SnapshotFacts {
  png: PNG;
  name: string;
  mapWidth: number;
  mapHeight: number;
  scale: number;
}

async function snapshotOf(screen: OpenedDashboard, path: string): Promise<SnapshotFacts> {
  const { page } = screen;
  await lookAtMalakal(page);
  await openMenu(screen);
  const file = await downloadFrom(page, 'export-snapshot');
  const size = await page.evaluate(() => {
    const canvas = window.__opsMap?.getCanvas();
    return { mapWidth: canvas?.clientWidth ?? 0, mapHeight: canvas?.clientHeight ?? 0, scale: window.devicePixelRatio };
  });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, file.bytes);
  return { png: PNG.sync.read(file.bytes), name: file.name, ...size };
}

const pixel = (png: PNG, x: number, y: number): [number, number, number] => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
};

/** Distinct colours and bright (text) pixels in a rectangle of the picture. */
function regionStats(png: PNG, x0: number, y0: number, x1: number, y1: number): { colours: number; bright: number } {
  const colours = new Set<number>();
  let bright = 0;
  for (let y = Math.round(y0); y < Math.round(y1); y += 2) {
    for (let x = Math.round(x0); x < Math.round(x1); x += 2) {
      const [r, g, b] = pixel(png, x, y);
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b > 500) bright += 1;
    }
  }
  return { colours: colours.size, bright };
}

it('takes a PNG snapshot of the map with the legend, the time, the extent and a scale', async () => {
  const { server } = dashboardServer;
  const screen = await openDashboard(await contextFor(await server.signIn('viewer')), server.url);
  const shot = await snapshotOf(screen, '/tmp/export-snapshot-viewer.png');
  const { png, scale } = shot;
  expect(shot.name).toMatch(/^unmiss-map-\d{6}Z[A-Z]{3}\d{2}\.png$/);
  expect(shot.mapWidth).toBeGreaterThan(800);
  expect(png.width).toBe(Math.round((shot.mapWidth + SHEET.panel) * scale));
  expect(png.height).toBeGreaterThanOrEqual(Math.round((shot.mapHeight + SHEET.band * 2 + SHEET.head + SHEET.foot) * scale));

  // The classification band above and below, in UN blue.
  expect(pixel(png, 4 * scale, 4 * scale)).toEqual([0x1f, 0x5f, 0xa8]);
  expect(pixel(png, 4 * scale, png.height - 4 * scale)).toEqual([0x1f, 0x5f, 0xa8]);
  const bodyTop = (SHEET.band + SHEET.head) * scale;
  // The map itself is not blank: base map, sites, patrols and incidents in many colours.
  expect(regionStats(png, 0, bodyTop, shot.mapWidth * scale, bodyTop + shot.mapHeight * scale).colours).toBeGreaterThan(40);
  // The title block and the legend panel carry text.
  expect(regionStats(png, 60 * scale, SHEET.band * scale, png.width / 2, bodyTop).bright).toBeGreaterThan(150);
  expect(regionStats(png, (shot.mapWidth + 2) * scale, bodyTop, png.width, bodyTop + 600 * scale).bright).toBeGreaterThan(400);

  await expect.poll(() => screen.page.getByTestId('export-status').textContent()).toMatch(/^Saved unmiss-map-\w+\.png \(\d+ × \d+\)\.$/);
  const entries = await server.app.audit.list({ limit: 10, action: 'export.map-snapshot' });
  expect(entries[0]?.actor).toMatch(/^viewer/);
  expect(entries[0]?.target).toBe(shot.name);
  expect(entries[0]?.details).toMatchObject({ incidents: 3, exactSensitive: 0 });
  expect(screen.watch.consoleErrors).toEqual([]);
  expect(screen.cspViolations).toEqual([]);
  expect(screen.watch.foreignRequests).toEqual([]);
}, 300_000);

it('marks a snapshot that shows a need-to-know place exactly as strictly confidential', async () => {
  const { server } = dashboardServer;
  const screen = await openDashboard(await contextFor(await server.signIn('commander', { sensitive: true })), server.url);
  const shot = await snapshotOf(screen, '/tmp/export-snapshot-need-to-know.png');
  expect(pixel(shot.png, 4 * shot.scale, 4 * shot.scale)).toEqual([0xb3, 0x26, 0x1e]);
  await expect.poll(() => screen.page.getByTestId('export-status').textContent()).toMatch(/STRICTLY CONFIDENTIAL/);
  const entries = await server.app.audit.list({ limit: 10, action: 'export.map-snapshot' });
  expect(entries[0]?.actor).toMatch(/^commander/);
  expect(entries[0]?.details).toMatchObject({ exactSensitive: 1 });
  expect(screen.watch.consoleErrors).toEqual([]);
}, 300_000);
