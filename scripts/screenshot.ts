import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { z } from 'zod';
import { launchChromium } from '../tests/support/browser.js';
import { ensureClientBuilt } from './client-build.js';

// `npm run screenshot`: starts the dashboard with simulated patrols on a spare port, opens it in
// headless Chromium at 1920×1080 and saves the pictures the README shows, in docs/: the desk's
// dashboard and workstation, then the JOC wall.
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs');
const PORT = Number(process.env.SCREENSHOT_PORT ?? 8097);
// A throwaway server in a temporary data folder: its administrator exists only for this run.
const SCREENSHOT_PASSWORD = 'screenshot-only-password';

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer at ${url}`);
}

/**
 * The JOC wall (docs/wall.png): a few incidents of the last hours reported through the API, as a
 * desk would, then a wall link opened in a browser started as a kiosk (sound allowed without a
 * click), looking at the whole mission.
 */
async function screenshotWall(url: string, csrf: string, admin: BrowserContext): Promise<void> {
  const hour = 3_600_000;
  const reports = [
    { category: 'intercommunal-clash', severity: 4, title: 'Clash between youth groups near Tonj', location: { lat: 7.27, lon: 28.68 }, ago: 0.7 * hour },
    { category: 'cattle-raiding', severity: 3, title: 'Cattle raid reported east of Pibor', location: { lat: 6.8, lon: 33.25 }, ago: 2 * hour },
    { category: 'cattle-raiding', severity: 2, title: 'Cattle taken near Yirol', location: { lat: 6.55, lon: 30.5 }, ago: 6 * hour },
    { category: 'public-order', severity: 2, title: 'Demonstration at Malakal market', location: { lat: 9.53, lon: 31.65 }, ago: 3 * hour },
    { category: 'crime', severity: 1, title: 'Vehicle stolen in Juba', location: { lat: 4.85, lon: 31.6 }, ago: 9 * hour },
  ];
  for (const { ago, ...report } of reports) {
    const res = await admin.request.post(`${url}/api/incidents`, { data: { ...report, occurredAt: Date.now() - ago }, headers: { 'x-csrf-token': csrf } });
    if (!res.ok()) throw new Error(`could not report "${report.title}": ${res.status()} ${await res.text()}`);
  }
  const issued = await admin.request.post(`${url}/api/admin/wall-links`, { data: { label: 'JOC main wall' }, headers: { 'x-csrf-token': csrf } });
  if (!issued.ok()) throw new Error(`could not issue a wall link: ${issued.status()}`);
  const { path } = z.object({ data: z.object({ path: z.string() }) }).parse(await issued.json()).data;
  const kiosk = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const wall = await (await kiosk.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    // A slow turn, so that the picture is of the whole mission rather than of a flight.
    await wall.goto(`${url}${path}?cycle=120`);
    await wall.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await wall.waitForTimeout(5000);
    await wall.screenshot({ path: join(OUT, 'wall.png') });
    console.log(`saved ${join(OUT, 'wall.png')}`);
  } finally {
    await kiosk.close();
  }
}

await ensureClientBuilt();
mkdirSync(OUT, { recursive: true });
// Node itself with tsx's loader: one process, so stopping it stops the server.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ops-shot-')),
    ADMIN_PASSWORD: SCREENSHOT_PASSWORD,
    LOG_LEVEL: 'warn',
  },
});
const url = `http://127.0.0.1:${PORT}`;
const browser = await launchChromium();
try {
  await waitForServer(url, Date.now() + 30_000);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const signIn = await context.request.post(`${url}/api/auth/login`, { data: { username: 'admin', password: SCREENSHOT_PASSWORD } });
  if (!signIn.ok()) throw new Error(`could not sign in: ${signIn.status()}`);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: join(OUT, 'dashboard.png') });
  console.log(`saved ${join(OUT, 'dashboard.png')}`);
  // The commander's view of one office: the units panel open, a patrol selected, trails drawn.
  await page.locator('body').press('u');
  await page.getByTestId('units-search').fill('MAL');
  await page.getByTestId('units-panel').locator('[data-testid^="unit-row-sim-malakal-fpu"]').first().click();
  await page.waitForTimeout(4000);
  await page.screenshot({ path: join(OUT, 'workstation.png') });
  console.log(`saved ${join(OUT, 'workstation.png')}`);
  // The same desk in French, as a francophone commander sees it after one click on FR.
  await page.getByTestId('lang-fr').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, 'workstation-fr.png') });
  console.log(`saved ${join(OUT, 'workstation-fr.png')}`);
  await page.getByTestId('lang-en').click();
  await screenshotWall(url, z.object({ data: z.object({ csrfToken: z.string() }) }).parse(await signIn.json()).data.csrfToken, context);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
