import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { postAsDevice, testUnit } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 5 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

it('words an SOS in French on a desk and a wall in French', async () => {
  const { server } = dashboardServer;
  const deskFr = await openDashboard(await signedInContext(browser, server, 'operator'), server.url, '/?test=1&lang=fr');
  const wallFr = await openDashboard(await signedInContext(browser, server, 'viewer'), server.url, '/?view=wall&test=1&lang=fr');

  await server.register([testUnit('bor-fpu-8', { callsign: 'BOR-FPU-8', fieldOffice: 'bor' })]);
  const token = await server.deviceToken('bor-fpu-8');
  const res = await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'bor-fpu-8', time: Date.now(), lat: 6.21, lon: 31.57, activity: 'sos' }] });
  expect(res.status).toBe(200);

  for (const screen of [deskFr, wallFr]) {
    const title = screen.page.getByTestId('alert-banner-title');
    await expect.poll(() => title.innerText(), { timeout: 30_000 }).toBe('SOS de BOR-FPU-8');
  }

  // The queue words it the same way.
  await deskFr.page.getByTestId('open-alerts').click();
  await expect.poll(() => deskFr.page.getByTestId('alerts-panel').innerText(), { timeout: 30_000 }).toContain('SOS de BOR-FPU-8');
  expect(await deskFr.page.getByTestId('alerts-panel').innerText()).not.toContain('SOS from');
  await deskFr.page.screenshot({ path: '/tmp/i18n-alert-words-desk.png' });
  await wallFr.page.screenshot({ path: '/tmp/i18n-alert-words-wall.png' });

  for (const screen of [deskFr, wallFr]) {
    expect(screen.watch.consoleErrors).toEqual([]);
    expect(screen.cspViolations).toEqual([]);
  }
}, 240_000);
