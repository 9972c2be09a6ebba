import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { postAsDevice, testUnit } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 11 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

it('shows an SOS on the desk and on the wall, and the desk’s acknowledgement clears both', async () => {
  const { server } = dashboardServer;
  const desk = await openDashboard(await signedInContext(browser, server, 'operator'), server.url);
  const wall = await openDashboard(await signedInContext(browser, server, 'viewer'), server.url, '/?view=wall&test=1');

  await server.register([testUnit('bor-fpu-9', { callsign: 'BOR-FPU-9', fieldOffice: 'bor' })]);
  const token = await server.deviceToken('bor-fpu-9');
  const res = await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'bor-fpu-9', time: Date.now(), lat: 6.21, lon: 31.57, activity: 'sos' }] });
  expect(res.status).toBe(200);

  for (const screen of [desk, wall]) {
    const banner = screen.page.getByTestId('alert-banner');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('SOS from BOR-FPU-9');
  }
  // The wall has nobody at it: no button to press.
  expect(await wall.page.getByTestId('alert-ack').count()).toBe(0);

  await desk.page.getByTestId('alert-ack').click();
  for (const screen of [desk, wall]) {
    await expect.poll(() => screen.page.getByTestId('alert-banner').count(), { timeout: 30_000 }).toBe(0);
  }
  await desk.page.getByTestId('open-alerts').click();
  const row = desk.page.getByTestId('alerts-panel');
  await expect.poll(() => row.textContent()).toMatch(/Acknowledged by operator\d+/);

  for (const screen of [desk, wall]) {
    expect(screen.watch.consoleErrors).toEqual([]);
    expect(screen.cspViolations).toEqual([]);
    expect(screen.watch.foreignRequests).toEqual([]);
  }
}, 240_000);
