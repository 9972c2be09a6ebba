import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATA_CACHE, OFFLINE_COPY_PATHS } from '../../client/offline/protocol.js';
import { launchChromium, watchPage } from '../support/browser.js';
import { emulateVsatForWorkers, LinkMeter, VSAT } from '../support/vsat.js';
import { signedInContext, startDashboardServer } from '../support/dashboard.js';

// A field office on VSAT: about 1 Mbit/s each way and 600 ms round trips. The first visit must
// reach a drawn map; the second loads the app shell from the offline worker's cache. Bytes and
// times are printed for the record, never asserted: the machine running the test is shared.

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let context: BrowserContext;
let meter: LinkMeter;
let workerLink: { throttled: () => number };

/** A new tab on the emulated link. */
async function pageOnVsat(): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', VSAT);
  return { page, cdp };
}

interface Visit {
  /** from asking for the page to the first drawn map */
  seconds: number;
  /** from navigation start: the app shell parsed, and the mission pack and base map in */
  shellSeconds: number;
  dataSeconds: number;
  down: number;
  up: number;
  requests: string[];
  responses: { url: string; fromServiceWorker: boolean }[];
}

/** Opens the dashboard and waits for its first drawn picture, measuring what crossed the link. */
async function visit(page: Page): Promise<Visit> {
  const responses: Visit['responses'] = [];
  page.on('response', (r) => responses.push({ url: new URL(r.url()).pathname, fromServiceWorker: r.fromServiceWorker() }));
  const before = meter.totals();
  const firstRequest = meter.requests.length;
  const started = Date.now();
  await page.goto(`${dashboardServer.server.url}/?test=1`, { timeout: 120_000 });
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 180_000 });
  const seconds = (Date.now() - started) / 1000;
  const after = meter.totals();
  const { shellMs, dataMs } = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const data = performance.getEntriesByType('resource').filter((e) => /\/api\/(sites|basemap)$/.test(e.name)) as PerformanceResourceTiming[];
    return { shellMs: navigation?.domContentLoadedEventEnd ?? NaN, dataMs: Math.max(...data.map((d) => d.responseEnd)) };
  });
  return {
    seconds,
    shellSeconds: shellMs / 1000,
    dataSeconds: dataMs / 1000,
    down: after.down - before.down,
    up: after.up - before.up,
    requests: meter.requests.slice(firstRequest),
    responses,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const timeline = (v: Visit) =>
  `shell parsed at ${v.shellSeconds.toFixed(1)} s, mission pack and base map in at ${v.dataSeconds.toFixed(1)} s, ` +
  `drawn map (software WebGL on a shared machine) at ${v.seconds.toFixed(1)} s`;

let first: Visit;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 24 });
  meter = new LinkMeter(dashboardServer.server.app.http);
  browser = await launchChromium();
  context = await signedInContext(browser, dashboardServer.server, 'commander');
  workerLink = await emulateVsatForWorkers(browser, dashboardServer.server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

it('reaches a drawn map on a first visit over a 1 Mbit/s, 600 ms link, and keeps an offline copy', async () => {
  const { page } = await pageOnVsat();
  const watch = watchPage(page);
  first = await visit(page);
  console.log(
    `VSAT first visit (1 Mbit/s, 600 ms RTT, nothing cached): ${kb(first.down)} down, ${kb(first.up)} up, ` +
      `${first.requests.length} requests reached the server; ${timeline(first)}`,
  );
  await page.screenshot({ path: '/tmp/offline-satellite-first.png' });
  expect(first.responses.some((r) => /^\/assets\/index-.+\.js$/.test(r.url) && !r.fromServiceWorker)).toBe(true);

  // Meanwhile the worker installed, took the page over and saved its copy (over the same link).
  const saved = () =>
    page.evaluate(async (cacheName) => {
      if (!navigator.serviceWorker.controller) return [];
      return (await (await caches.open(cacheName)).keys()).map((r) => new URL(r.url).pathname).sort();
    }, DATA_CACHE);
  await expect.poll(async () => (await saved()).join(' '), { timeout: 120_000, interval: 1000 }).toBe([...OFFLINE_COPY_PATHS].sort().join(' '));
  expect(workerLink.throttled()).toBeGreaterThan(0);
  expect(watch.consoleErrors).toEqual([]);
  await page.close();
}, 420_000);

it('loads the app shell from the service worker on the second visit, and fewer bytes cross the link', async () => {
  const { page, cdp } = await pageOnVsat();
  // Even once the browser's HTTP cache has let the files go (they are kept for an hour), the
  // shell does not cross the link again.
  await cdp.send('Network.clearBrowserCache');
  const second = await visit(page);
  console.log(
    `VSAT second visit (shell from the service worker, HTTP cache emptied): ${kb(second.down)} down, ${kb(second.up)} up, ` +
      `${second.requests.length} requests reached the server; ${timeline(second)}`,
  );
  await page.screenshot({ path: '/tmp/offline-satellite-second.png' });

  // The script and the styles were answered by the worker, from its cache: none reached the server.
  const shell = second.responses.filter((r) => r.url.startsWith('/assets/'));
  expect(shell.some((r) => r.url.endsWith('.js'))).toBe(true);
  expect(shell.some((r) => r.url.endsWith('.css'))).toBe(true);
  expect(shell.filter((r) => !r.fromServiceWorker)).toEqual([]);
  expect(second.requests.filter((r) => r.includes('/assets/'))).toEqual([]);
  // Live positions still come over the link: the feed is never answered from a cache.
  expect(second.requests.some((r) => r.startsWith('GET /socket.io/'))).toBe(true);
  expect(second.down).toBeLessThan(first.down / 2);
}, 420_000);
