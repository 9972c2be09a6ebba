import { pino } from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { systemClock } from '../../server/clock.js';
import { loadMissionPack } from '../../server/pack.js';
import { provisionSimulator } from '../../server/simulator/provision.js';
import { Simulator } from '../../server/simulator/simulator.js';
import { CLIENT_DIST } from '../../scripts/client-build.js';
import { startServer, type TestServer } from './server.js';
import { watchPage, type PageWatch } from './browser.js';

/** A real server serving the built client, with simulated patrols reporting over HTTP. */
export async function startDashboardServer(options: { units?: number; seed?: number } = {}): Promise<{
  server: TestServer;
  simulator: Simulator;
  stop(): Promise<void>;
}> {
  const server = await startServer({ config: { clientDir: CLIENT_DIST, tickMs: 250 } });
  const simulator = new Simulator({
    baseUrl: server.url,
    pack: await loadMissionPack(),
    seed: options.seed ?? 7,
    units: options.units ?? 48,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
  });
  await simulator.start(provisionSimulator(server.app.tracker, server.app.accounts));
  return {
    server,
    simulator,
    async stop() {
      simulator.stop();
      await server.close();
    },
  };
}

/** A browser context signed in as a fresh account with the role (the cookie set by a real login). */
export async function signedInContext(browser: Browser, server: TestServer, role: 'admin' | 'commander' | 'operator' | 'viewer' = 'operator'): Promise<BrowserContext> {
  const client = await server.signIn(role);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const [name, value] = client.cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
  return context;
}

export interface OpenedDashboard {
  page: Page;
  watch: PageWatch;
  cspViolations: string[];
}

/** Opens the dashboard (with the map exposed for tests) and waits for its first drawn picture. */
export async function openDashboard(context: BrowserContext, url: string, path = '/?test=1'): Promise<OpenedDashboard> {
  const page = await context.newPage();
  const watch = watchPage(page);
  const cspViolations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${url}${path}`);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  return { page, watch, cspViolations };
}

/** How many distinct colours a screenshot of an element holds: a blank canvas has one or two. */
export async function distinctColours(page: Page, selector: string): Promise<number> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    colours.add(((png.data[i] ?? 0) << 16) | ((png.data[i + 1] ?? 0) << 8) | (png.data[i + 2] ?? 0));
  }
  return colours.size;
}
