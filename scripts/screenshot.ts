import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser.js';
import { ensureClientBuilt } from './client-build.js';

// `npm run screenshot`: starts the dashboard with simulated patrols on a spare port, opens it in
// headless Chromium at 1920×1080 and saves the pictures the README shows, in docs/.
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
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
