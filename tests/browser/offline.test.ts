import type { IncomingMessage } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATA_CACHE, OFFLINE_COPY_PATHS } from '../../client/offline/protocol.js';
import { launchChromium, watchPage, type PageWatch } from '../support/browser.js';
import { distinctColours, startDashboardServer } from '../support/dashboard.js';

// Weak and broken links: after one visit the dashboard opens with the link down, from the
// browser's offline copy, says what is stale, and goes live again by itself when the link is back.

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
const COMMANDER = { username: 'cmdr.bor', password: 'a long commander passphrase' };

/** Requests that reach the server from the browser (the simulated trackers post from Node). */
const fromBrowser: string[] = [];
const noteRequest = (req: IncomingMessage) => {
  if (req.headers['user-agent']?.includes('Chrome')) fromBrowser.push(`${req.method ?? '?'} ${req.url ?? '?'}`);
};

/** Paths the offline copy holds, as the page sees them (empty until a worker controls the page). */
function offlineCopyPaths(target: Page): Promise<string[]> {
  return target.evaluate(async (cacheName) => {
    if (!navigator.serviceWorker.controller) return [];
    const cache = await caches.open(cacheName);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  }, DATA_CACHE);
}

/** Names on the map's field-office and headquarters symbols, as drawn now. */
function officeNames(target: Page): Promise<string> {
  return target.evaluate(() => {
    const map = window.__opsMap;
    if (!map) return '';
    const layers = ['ops-sites-office-symbol', 'ops-sites-hq-symbol'].filter((id) => map.getLayer(id));
    return map
      .queryRenderedFeatures({ layers })
      .map((f) => String(f.properties.name ?? ''))
      .join('|');
  });
}

function countryCount(target: Page): Promise<number> {
  return target.evaluate(() => window.__opsMap?.querySourceFeatures('ops-base-countries').length ?? 0);
}

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 24 });
  await dashboardServer.server.app.accounts.createUser({ ...COMMANDER, displayName: 'Commander Bor', role: 'commander' }, 'test');
  dashboardServer.server.app.http.on('request', noteRequest);
  dashboardServer.server.app.http.on('upgrade', noteRequest);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  watch = watchPage(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

it('keeps an offline copy after one visit: the app shell, who is signed in, the mission pack and the base map, nothing else', async () => {
  await page.goto(`${dashboardServer.server.url}/?test=1`);
  await page.getByTestId('login-username').fill(COMMANDER.username);
  await page.getByTestId('login-password').fill(COMMANDER.password);
  await page.getByTestId('login-submit').click();
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
  await expect.poll(() => page.getByTestId('unit-count').getAttribute('data-count'), { timeout: 20_000 }).toBe('24');

  // The worker installs during the first visit, takes the page over and saves its copy.
  await expect.poll(() => offlineCopyPaths(page), { timeout: 60_000, interval: 500 }).toEqual([...OFFLINE_COPY_PATHS].sort());
  const shell = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('ops-shell-'));
    const cache = names[0] ? await caches.open(names[0]) : null;
    return { names, paths: cache ? (await cache.keys()).map((r) => new URL(r.url).pathname).sort() : [] };
  });
  expect(shell.names).toHaveLength(1);
  expect(shell.paths).toContain('/index.html');
  expect(shell.paths.some((p) => /^\/assets\/index-.+\.js$/.test(p))).toBe(true);
  expect(shell.paths.some((p) => /^\/assets\/index-.+\.css$/.test(p))).toBe(true);
  expect(shell.paths.some((p) => /maplibre-gl-worker/.test(p))).toBe(true);
  // Source maps and the admin page (loaded on demand) are not pushed to every laptop.
  expect(shell.paths.filter((p) => p.endsWith('.map') || p.includes('AdminPage'))).toEqual([]);

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);

  // The worker script is re-checked on every visit, so a new build replaces the copy at once.
  const script = await fetch(`${dashboardServer.server.url}/sw.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('cache-control')).toBe('no-cache');
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  expect(await script.text()).toContain('ops-offline-data-v1');
}, 180_000);

it('opens from the offline copy with the link down: the map draws, and the page says what is stale and that the link is down', async () => {
  await context.setOffline(true);
  // A request the page sent just before the link went (its feed reconnecting, a refresh) may still
  // be landing on the server: let it, then count only what the offline page asks for.
  await page.waitForTimeout(1_000);
  fromBrowser.length = 0;
  await page.reload();

  // The map draws from the copy: base map and every field office, with no link at all.
  await expect.poll(() => countryCount(page), { timeout: 60_000, interval: 500 }).toBeGreaterThan(0);
  await expect.poll(() => officeNames(page), { timeout: 60_000, interval: 500 }).toMatch(/(?=.*Malakal)(?=.*Juba)(?=.*Yambio)/);
  expect(await distinctColours(page, '[data-testid="map"]')).toBeGreaterThan(40);
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Commander Bor');

  const notice = page.getByTestId('stale-notice');
  await notice.waitFor({ timeout: 30_000 });
  expect(await notice.textContent()).toMatch(/OFFLINE COPY.*Map and sites as of (\w{3} \d{1,2} \w{3} \d{4}, )?\d{2}:\d{2} Juba.*No live positions/);

  // The link indicator and the banner across the map say the link is down.
  await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 40_000 }).toBe('offline');
  await page.getByTestId('link-banner').waitFor({ timeout: 10_000 });

  // No patrol is drawn as if it were live: positions are never kept.
  expect(await page.getByTestId('unit-count').getAttribute('data-count')).toBe('0');
  expect(await page.locator('body[data-map-ready="true"]').count()).toBe(0);
  await page.screenshot({ path: '/tmp/offline-cached-boot.png' });

  // Nothing reached the server: the worker's own requests were offline too. (The browser's
  // check for a new worker script is made outside DevTools' offline emulation; on a real
  // broken link it fails like everything else.)
  expect(fromBrowser.filter((r) => r !== 'GET /sw.js')).toEqual([]);
}, 180_000);

it('goes live again by itself when the link comes back: the notice clears and positions resume', async () => {
  fromBrowser.length = 0;
  await context.setOffline(false);
  await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('connected');
  await expect.poll(() => page.getByTestId('unit-count').getAttribute('data-count'), { timeout: 30_000, interval: 500 }).toBe('24');
  await expect.poll(() => page.getByTestId('stale-notice').count(), { timeout: 30_000, interval: 500 }).toBe(0);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  expect(await page.getByTestId('link-banner').count()).toBe(0);
  // The map's data was asked for again (the mission pack and base map may come from the
  // browser's HTTP cache, which the server allows for minutes and a day).
  expect(fromBrowser).toContain('GET /api/config');
  await page.screenshot({ path: '/tmp/offline-link-back.png' });
}, 120_000);

it('forgets the offline copy on sign-out: an offline reload then does not open the dashboard', async () => {
  await page.getByTestId('signout').click();
  await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
  await expect.poll(() => offlineCopyPaths(page), { timeout: 10_000 }).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  // The shell opens from the copy, but it cannot say who is signed in, so no map.
  await page.getByTestId('session-checking').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(3_000);
  expect(await page.getByTestId('map').count()).toBe(0);
  expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  await page.screenshot({ path: '/tmp/offline-after-signout.png' });
  await context.setOffline(false);
}, 120_000);
