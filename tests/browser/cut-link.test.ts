import type { Browser, CDPSession, Page, WebSocket as PageWebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { Alert } from '../../shared/alerts.js';
import type { IncidentReportInput } from '../../shared/incidents.js';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';
import { connectDashboard, postAsDevice, testUnit, type Client } from '../support/server.js';

// A desk's link is cut for a minute (a VSAT outage in a field office). The screen must say so
// at once; and within 2 seconds of the link returning it must show every incident reported and
// every alert raised meanwhile, from the resync it asks for itself.
//
// How the link is cut: DevTools' network emulation, offline, on the page (what Playwright's
// context.setOffline does too). The page is told it went offline (navigator.onLine, the `offline`
// event, on which Socket.IO's engine drops its connection) and every new request, the
// reconnection attempts included, fails as on a dead link. Whatever the emulation does to a
// WebSocket already open, the test checks the link really is gone: the page shows it, and not one
// frame of the feed reaches it while it is cut.

const CUT_MS = 60_000;
const BACK_WITHIN_MS = 2_000;

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 6 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

/** Offline or back online, as DevTools emulates a link (throughput -1: not throttled). */
async function setLink(cdp: CDPSession, online: boolean): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', { offline: !online, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/**
 * Starts watching the page for the moment everything listed is on screen together: each
 * incident's row in the incidents list, each alert's row in the alert queue, the link indicator
 * connected and no link banner. The page notes the time itself (every 20 ms), so the figure does
 * not depend on how fast the test polls it.
 */
async function watchForEverything(page: Page, incidentIds: string[], alertIds: string[]): Promise<void> {
  await page.evaluate(
    ({ incidents, alerts }) => {
      const w = window as unknown as { __allShownAt?: number };
      delete w.__allShownAt;
      const timer = setInterval(() => {
        const shown =
          incidents.every((id) => document.querySelector(`[data-testid="incident-row-${id}"]`)) &&
          alerts.every((id) => document.querySelector(`[data-testid="alert-row-${id}"]`)) &&
          document.querySelector('[data-testid="link-state"]')?.getAttribute('data-state') === 'connected' &&
          !document.querySelector('[data-testid="link-banner"]');
        if (shown) {
          w.__allShownAt = Date.now();
          clearInterval(timer);
        }
      }, 20);
    },
    { incidents: incidentIds, alerts: alertIds },
  );
}

const report = (over: Partial<IncidentReportInput>): IncidentReportInput => ({
  category: 'intercommunal-clash',
  severity: 3,
  title: 'Fighting reported',
  location: { lat: 9.0, lon: 30.0 },
  ...over,
});

async function reportIncident(operator: Client, input: IncidentReportInput): Promise<string> {
  const res = await operator.send('POST', '/api/incidents', input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return z.object({ data: z.object({ id: z.string() }) }).parse(res.body).data.id;
}

it('shows the link lost during a 60 s cut, and within 2 s of its return every incident and alert raised meanwhile', async () => {
  const { server } = dashboardServer;
  await server.register([testUnit('mlk-fpu-7', { callsign: 'MLK-FPU-7', fieldOffice: 'malakal' })]);
  const tracker = await server.deviceToken('mlk-fpu-7');
  const fix = (activity?: 'sos') =>
    postAsDevice(`${server.url}/api/positions`, tracker, { reports: [{ unitId: 'mlk-fpu-7', time: Date.now(), lat: 9.52, lon: 31.65, ...(activity ? { activity } : {}) }] });
  expect((await fix()).status).toBe(200);

  const desk = await openDashboard(await signedInContext(browser, server, 'operator'), server.url);
  const page = desk.page;
  await page.getByTestId('open-incidents').click();
  await page.getByTestId('incidents-panel').waitFor();
  await page.getByTestId('open-alerts').click();
  await page.getByTestId('alerts-panel').waitFor();
  await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');

  // Every feed frame the page receives, with when it came.
  const frames: number[] = [];
  const follow = (ws: PageWebSocket) => {
    if (ws.url().includes('/socket.io/')) ws.on('framereceived', () => frames.push(Date.now()));
  };
  page.on('websocket', follow);
  // A desk elsewhere whose link holds: it hears the alerts as they are raised.
  const otherDesk = await connectDashboard(server.url, await server.signIn('operator'));
  const raised: Alert[] = [];
  otherDesk.on('alert:raised', (a) => raised.push(Alert.parse(a)));
  const operator = await server.signIn('operator');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await setLink(cdp, false);
  const cutAt = Date.now();

  // The screen says the link is lost, and in the header too.
  await expect.poll(() => page.getByTestId('link-state').getAttribute('data-state'), { timeout: 20_000 }).not.toBe('connected');
  await page.getByTestId('link-banner').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('link-banner-headline').textContent()).toMatch(/^LINK LOST SINCE \d{2}:\d{2} \(Juba\)$/);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const quietFrom = Date.now();
  await page.screenshot({ path: '/tmp/cut-link-lost.png' });

  // Meanwhile: an incident near the Malakal POC site (an early-warning alert), another far off,
  // and an SOS from a Malakal patrol.
  const incidentIds = [
    await reportIncident(operator, report({ category: 'poc-site-security', severity: 4, title: 'Shots fired near the POC gate', location: { lat: 9.55, lon: 31.6637 } })),
    await reportIncident(operator, report({ title: 'Clash at Bor market', location: { lat: 6.21, lon: 31.56 } })),
  ];
  expect((await fix('sos')).status).toBe(200);
  await expect
    .poll(() => raised.some((a) => a.kind === 'incident-near-site' && a.incidentId === incidentIds[0]) && raised.some((a) => a.kind === 'sos' && a.unitId === 'mlk-fpu-7'), {
      timeout: 10_000,
    })
    .toBe(true);
  // Bor has its POC site too: the second incident may raise its own; every alert raised counts.
  await new Promise((r) => setTimeout(r, 1_000));
  const alertIds = raised.map((a) => a.id);
  await page.waitForTimeout(Math.max(0, CUT_MS - (Date.now() - cutAt)));

  // Cut all along: nothing of the above reached the page, and not one frame of the feed.
  for (const id of incidentIds) expect(await page.getByTestId(`incident-row-${id}`).count()).toBe(0);
  for (const id of alertIds) expect(await page.getByTestId(`alert-row-${id}`).count()).toBe(0);
  expect(frames.filter((t) => t >= quietFrom)).toEqual([]);
  expect(await page.getByTestId('link-state').getAttribute('data-state')).toBe('offline');
  await page.screenshot({ path: '/tmp/cut-link-offline-60s.png' });

  await watchForEverything(page, incidentIds, alertIds);
  const backAt = Date.now();
  await setLink(cdp, true);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __allShownAt?: number }).__allShownAt ?? null), { timeout: 60_000, interval: 100 }).not.toBeNull();
  const shownAt = await page.evaluate(() => (window as unknown as { __allShownAt?: number }).__allShownAt ?? 0);
  const took = shownAt - backAt;
  console.log(`[reliability] link cut for ${((backAt - cutAt) / 1000).toFixed(0)} s: ${incidentIds.length} incidents and ${alertIds.length} alerts raised meanwhile, all shown ${took} ms after the link came back`);
  await page.screenshot({ path: '/tmp/cut-link-back.png' });
  expect(took).toBeLessThanOrEqual(BACK_WITHIN_MS);

  // And the SOS is in the banner across the map, as it would have been live.
  await expect.poll(() => page.getByTestId('alert-banner').textContent(), { timeout: 10_000 }).toContain('SOS from MLK-FPU-7');
  expect(desk.watch.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|net::|WebSocket connection/.test(e))).toEqual([]);
  expect(desk.watch.foreignRequests).toEqual([]);
  otherDesk.disconnect();
}, 240_000);
