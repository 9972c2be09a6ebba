import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { pino } from 'pino';
import { BASE, UNITS } from '../client/map/ids.js';
import { DATA_CACHE, OFFLINE_COPY_PATHS } from '../client/offline/protocol.js';
import { createApp, DEFAULT_APP_CONFIG, type App } from '../server/app.js';
import { systemClock } from '../server/clock.js';
import { openSqlite, type Db } from '../server/db/open.js';
import { loadBasemapJson, loadMissionPack } from '../server/pack.js';
import { CLIENT_DIST, ensureClientBuilt } from '../scripts/client-build.js';
import { launchChromium } from '../tests/support/browser.js';
import { emulateVsatForWorkers, LinkMeter, VSAT } from '../tests/support/vsat.js';
import { ReportGenerator } from './support/generator.js';
import { send, signIn, type Session } from './support/http.js';
import { loadNow } from './support/machine.js';
import { envNumber, int, quick, sleep } from './support/stats.js';
import { PatrolTraffic } from './support/traffic.js';

/**
 * First load over an emulated satellite link (VSAT: 1 Mbit/s each way, 600 ms added round trip,
 * DevTools network emulation, applied to the app's service worker too): bytes and time from
 * asking for the page to the first drawn map (South Sudan and the unit markers on screen; the
 * page's own body[data-map-ready="true"] mark is shown beside it); then a second visit,
 * once with the browser's HTTP cache as the first visit left it and once with it emptied (the
 * next day: the app shell then comes from the offline worker's copy). Reference in the same run:
 * the same first visit without emulation, which is what the machine itself takes.
 */

export interface FirstLoadOptions {
  /** units on the roster, each reporting every `everyS` seconds */
  units: number[];
  everyS: number;
}

export function firstLoadOptions(): FirstLoadOptions {
  const raw = process.env.FIRSTLOAD_UNITS ?? (quick() ? '48' : '48,2000');
  const units = raw.split(',').map((u) => Number(u.trim()));
  if (units.some((u) => !Number.isInteger(u) || u < 1)) throw new Error(`FIRSTLOAD_UNITS=${raw}: expected whole numbers of units, comma-separated`);
  return { units, everyS: envNumber('FIRSTLOAD_EVERY_S', 10) };
}

interface Visit {
  visit: string;
  /** from navigation start to the first frame with South Sudan and the unit markers drawn */
  seconds: number;
  /** from navigation start to the page's own body[data-map-ready="true"]; NaN if it did not come within a minute of the drawn map */
  readySeconds: number;
  shellSeconds: number;
  dataSeconds: number;
  down: number;
  up: number;
  requests: number;
  fromWorker: number;
  /** the largest answers that crossed the link, path and KB, largest first */
  largest: string;
}

declare global {
  interface Window {
    /** ms from navigation start to the first frame with the country fills and unit markers drawn */
    __benchDrawnAt?: number;
    /** ms from navigation start to body[data-map-ready="true"] */
    __benchReadyAt?: number;
  }
}

/**
 * Watches the page from its start: notes when the map first shows South Sudan and the unit
 * markers (rendered features on both layers), and when the page marks itself map-ready. Given
 * as text: a function compiled for Node may carry helpers the page does not have.
 */
const watchForDrawnMap = (layers: { base: string; units: string }) => `
(() => {
  const layers = ${JSON.stringify(layers)};
  const check = () => {
    const map = window.__opsMap;
    if (window.__benchDrawnAt === undefined && map) {
      try {
        if (map.queryRenderedFeatures({ layers: [layers.base] }).length > 0 && map.queryRenderedFeatures({ layers: [layers.units] }).length > 0) {
          window.__benchDrawnAt = performance.now();
        }
      } catch (e) {
        // the layers are not there yet
      }
    }
    if (window.__benchReadyAt === undefined && document.body && document.body.dataset.mapReady === 'true') window.__benchReadyAt = performance.now();
    if (window.__benchDrawnAt === undefined || window.__benchReadyAt === undefined) setTimeout(check, 50);
  };
  check();
})();
`;

async function visit(label: string, page: Page, url: string, meter: LinkMeter): Promise<Visit> {
  let fromWorker = 0;
  const problems: string[] = [];
  page.on('response', (r) => {
    if (r.fromServiceWorker()) fromWorker += 1;
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const sizes: { path: string; bytes: number }[] = [];
  page.on('requestfinished', (req) => {
    void req
      .sizes()
      .then((z) => {
        const response = req.url();
        if (z.responseBodySize > 0) sizes.push({ path: new URL(response).pathname, bytes: z.responseBodySize + z.responseHeadersSize });
      })
      .catch(() => undefined);
  });
  await page.addInitScript({ content: watchForDrawnMap({ base: BASE.southSudan, units: UNITS.marker }) });
  const before = meter.totals();
  const firstRequest = meter.requests.length;
  try {
    await page.goto(`${url}/?test=1`, { timeout: 180_000 });
    await page.waitForFunction(() => window.__benchDrawnAt !== undefined, null, { timeout: 240_000, polling: 100 });
  } catch (err) {
    const shot = join(tmpdir(), 'bench-first-load-failed.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${label}: no drawn map (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the page said: ${problems.join(' | ') || 'nothing'}; screenshot ${shot}`);
  }
  const after = meter.totals();
  const requests = meter.requests.length - firstRequest;
  // The page's own mark comes once the map has gone idle (or is loaded at one of its checks); waited for a while, not for ever.
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60_000, polling: 200 }).catch(() => undefined);
  const t = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const data = performance.getEntriesByType('resource').filter((e) => /\/api\/(sites|basemap)$/.test(e.name)) as PerformanceResourceTiming[];
    return {
      drawnMs: window.__benchDrawnAt ?? NaN,
      readyMs: window.__benchReadyAt ?? NaN,
      shellMs: navigation?.domContentLoadedEventEnd ?? NaN,
      dataMs: data.length > 0 ? Math.max(...data.map((d) => d.responseEnd)) : NaN,
    };
  });
  return {
    visit: label,
    seconds: t.drawnMs / 1000,
    readySeconds: t.readyMs / 1000,
    shellSeconds: t.shellMs / 1000,
    dataSeconds: t.dataMs / 1000,
    down: after.down - before.down,
    up: after.up - before.up,
    requests,
    fromWorker,
    largest: sizes
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6)
      .map((z) => `${z.path.replace(/-[A-Za-z0-9_-]{8}\./, '-….')} ${kb(z.bytes)}`)
      .join(', '),
  };
}

async function emulatedPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', VSAT);
  return { page, cdp };
}

async function signedInContext(browser: Browser, url: string, session: Session): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const [name, value] = session.cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url }]);
  return context;
}

/** One roster size: a server with its units reporting, the visits, and the server gone again. */
async function visitsWith(units: number, options: FirstLoadOptions, log: (line: string) => void): Promise<Visit[]> {
  const pack = await loadMissionPack();
  const traffic = new PatrolTraffic(pack, units);
  const dir = mkdtempSync(join(tmpdir(), 'ops-bench-first-load-'));
  let db: Db | null = null;
  let app: App | null = null;
  let generator: ReportGenerator | null = null;
  let browser: Browser | null = null;
  try {
    db = await openSqlite(join(dir, 'ops.sqlite'));
    app = await createApp({
      db,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      pack,
      basemapJson: await loadBasemapJson(),
      config: { ...DEFAULT_APP_CONFIG, clientDir: CLIENT_DIST, loginsPerMinute: 1000, ingestPerMinute: 1_000_000 },
    });
    const url = await app.listen(0, '127.0.0.1');
    const meter = new LinkMeter(app.http);
    await app.tracker.register(traffic.roster);
    const gatewayPassword = 'bench gateway password 1';
    await app.accounts.createUser({ username: 'bench-gateway', displayName: 'Benchmark gateway', role: 'admin', sensitive: false, password: gatewayPassword }, 'bench');
    const gateway = await signIn(url, 'bench-gateway', gatewayPassword);
    generator = new ReportGenerator(traffic, (reports) => send(url, 'POST', '/api/positions', gateway, { reports }).then(() => undefined), {
      periodMs: options.everyS * 1000,
      batchMs: 100,
      maxInFlight: 20,
    });
    generator.start();
    // One full round of reports, so every unit is on the map with a fix.
    await sleep(options.everyS * 1000 + 500);
    const commanderPassword = 'bench commander password 1';
    await app.accounts.createUser({ username: 'bench-commander', displayName: 'Benchmark commander', role: 'commander', sensitive: false, password: commanderPassword }, 'bench');
    const commander = await signIn(url, 'bench-commander', commanderPassword);

    browser = await launchChromium();
    const workers = await emulateVsatForWorkers(browser, url);
    const visits: Visit[] = [];
    const tag = `${int(units)} units`;

    // Reference: the same first visit with nothing in the way.
    const local = await signedInContext(browser, url, commander);
    visits.push(await visit(`reference: first visit, unthrottled loopback, ${tag}`, await local.newPage(), url, meter));
    await local.close();

    const context = await signedInContext(browser, url, commander);
    const first = await emulatedPage(context);
    visits.push(await visit(`first visit over VSAT, nothing cached, ${tag}`, first.page, url, meter));
    // The offline worker saves its copy over the same link after the first map; wait for it.
    const saved = () =>
      first.page.evaluate(async (cacheName) => {
        if (!navigator.serviceWorker.controller) return [];
        return (await (await caches.open(cacheName)).keys()).map((r) => new URL(r.url).pathname).sort();
      }, DATA_CACHE);
    const want = [...OFFLINE_COPY_PATHS].sort().join(' ');
    const deadline = Date.now() + 180_000;
    while ((await saved()).join(' ') !== want) {
      if (Date.now() > deadline) throw new Error('the offline worker did not save its copy within 3 minutes');
      await sleep(1000);
    }
    if (workers.throttled() === 0) log('  note: the service worker was not put on the emulated link');
    await first.page.close();

    const warm = await emulatedPage(context);
    visits.push(await visit(`second visit over VSAT, within the hour (HTTP cache and offline copy), ${tag}`, warm.page, url, meter));
    await warm.page.close();

    const nextDay = await emulatedPage(context);
    await nextDay.cdp.send('Network.clearBrowserCache');
    visits.push(await visit(`second visit over VSAT, next day (HTTP cache emptied, shell from the offline copy), ${tag}`, nextDay.page, url, meter));
    await nextDay.page.screenshot({ path: join(tmpdir(), `bench-first-load-${units}.png`) });
    await context.close();
    return visits;
  } finally {
    await browser?.close();
    await generator?.stop();
    await app?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
const s1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

export async function firstLoadBench(options: FirstLoadOptions = firstLoadOptions(), log: (line: string) => void = console.log): Promise<Visit[]> {
  await ensureClientBuilt(log);
  log(
    `First load: the built client (dist/client) from the real server (createApp, SQLite), signed in as a commander; ` +
      `VSAT emulated by DevTools: 1 Mbit/s (125,000 B/s) down and up, 600 ms added round trip, on the page and on its service worker; ` +
      `headless Chromium 1920×1080 with software WebGL; units on the roster ${options.units.map(int).join(' and ')}, each reporting every ` +
      `${options.everyS} s; bytes counted at the server's sockets (compressed as sent, the live feed included) up to the drawn map. ` +
      `Load average at start ${loadNow()}.`,
  );
  const visits: Visit[] = [];
  for (const units of options.units) visits.push(...(await visitsWith(units, options, log)));
  console.table(
    visits.map((v) => ({
      visit: v.visit,
      'to drawn map s': s1(v.seconds),
      'data-map-ready s': s1(v.readySeconds),
      down: kb(v.down),
      up: kb(v.up),
      'requests to the server': v.requests,
      'answers from the offline worker': v.fromWorker,
      'shell parsed s': s1(v.shellSeconds),
      'pack and base map in s': s1(v.dataSeconds),
    })),
  );
  for (const v of visits) if (v.visit.startsWith('first visit over VSAT')) log(`  ${v.visit}, largest HTTP answers: ${v.largest}`);
  log(`  KB = 1,000 bytes. Load average at end ${loadNow()}`);
  return visits;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await firstLoadBench();
}
