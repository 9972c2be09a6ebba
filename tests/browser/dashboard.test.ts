import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { distinctColours, openDashboard, signedInContext, startDashboardServer, type OpenedDashboard } from '../support/dashboard.js';

const FIELD_OFFICES = ['Aweil', 'Bentiu', 'Bor', 'Juba', 'Kuajok', 'Malakal', 'Rumbek', 'Torit', 'Yambio', 'Wau', 'Pibor'];

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let context: BrowserContext;
let dashboard: OpenedDashboard;

beforeAll(async () => {
  dashboardServer = await startDashboardServer();
  browser = await launchChromium();
  context = await signedInContext(browser, dashboardServer.server, 'operator');
  dashboard = await openDashboard(context, dashboardServer.server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

describe('the dashboard in Chromium', () => {
  it('draws the map: the canvas holds a picture, not a blank', async () => {
    expect(await dashboard.page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(await distinctColours(dashboard.page, '[data-testid="map"]')).toBeGreaterThan(40);
  });

  it('renders every field office and the headquarters on the map', async () => {
    const names = await dashboard.page.evaluate(() => {
      const map = window.__opsMap;
      if (!map) return [];
      const layers = ['ops-sites-office-symbol', 'ops-sites-hq-symbol'].filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures({ layers }).map((f) => String(f.properties?.name ?? f.properties?.label ?? ''));
    });
    for (const office of FIELD_OFFICES) expect(names.join('|')).toContain(office);
    expect(names.join('|')).toMatch(/UN House/);
  });

  it('shows 48 patrols, live, over a connected link', async () => {
    const count = dashboard.page.getByTestId('unit-count');
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('48');
    expect(await dashboard.page.getByTestId('link-state').getAttribute('data-state')).toBe('connected');
    await expect.poll(() => dashboard.page.getByTestId('clock-zulu').textContent()).toMatch(/^\d{6}Z [A-Z]{3} \d{2}$/);
  });

  it('opens a patrol by clicking it, and its position moves while the panel is open', async () => {
    const { page } = dashboard;
    const target = dashboardServer.server.app.tracker.allUnits().find((u) => u.type === 'fpu-vehicle' && u.fieldOffice === 'malakal');
    if (!target?.last) throw new Error('no Malakal vehicle patrol with a position');
    await page.evaluate(({ lon, lat }) => window.__opsMap?.jumpTo({ center: [lon, lat], zoom: 13 }), target.last);
    await page.waitForTimeout(1500);
    const unit = dashboardServer.server.app.tracker.unit(target.id);
    const point = await page.evaluate(({ lon, lat }) => window.__opsMap?.project([lon, lat]), { lon: unit?.last?.lon ?? 0, lat: unit?.last?.lat ?? 0 });
    const box = await page.getByTestId('map').boundingBox();
    await page.mouse.click((box?.x ?? 0) + (point?.x ?? 0), (box?.y ?? 0) + (point?.y ?? 0));
    const panel = page.getByTestId('details-panel');
    await expect.poll(() => panel.textContent(), { timeout: 5000 }).toContain(target.callsign);
    const where = page.getByTestId('detail-latlon');
    const first = await where.textContent();
    expect(first).toMatch(/\d+\.\d+° N, \d+\.\d+° E/);
    expect(await page.getByTestId('detail-mgrs').textContent()).toMatch(/^3[56][NP] [A-Z]{2} \d{5} \d{5}$/);
    // Vehicles report every 5 s at road speed: the shown position changes within a few reports.
    await expect.poll(() => where.textContent(), { timeout: 20_000, interval: 500 }).not.toBe(first);
  });

  it('lists the patrols in the units panel, finds one by callsign and flies to it', async () => {
    const { page } = dashboard;
    await page.keyboard.press('Escape');
    await page.locator('body').press('u');
    const panel = page.getByTestId('units-panel');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('units-count-live').getAttribute('data-count')).toBe('48');
    const target = dashboardServer.server.app.tracker.allUnits().find((u) => u.type === 'joint-patrol' && u.fieldOffice === 'yambio');
    if (!target?.last) throw new Error('no Yambio joint patrol');
    await page.getByTestId('units-search').fill(target.callsign);
    await expect.poll(() => page.getByTestId('units-shown').getAttribute('data-count')).toBe('1');
    await page.getByTestId(`unit-row-${target.id}`).click();
    await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain(target.callsign);
    // The map flew to the patrol: it is now near the middle of the screen.
    await expect
      .poll(
        async () => {
          const at = dashboardServer.server.app.tracker.unit(target.id)?.last;
          const p = await page.evaluate(({ lon, lat }) => window.__opsMap?.project([lon, lat]), { lon: at?.lon ?? 0, lat: at?.lat ?? 0 });
          const box = await page.getByTestId('map').boundingBox();
          return Math.hypot((p?.x ?? 0) - (box?.width ?? 0) / 2, (p?.y ?? 0) - (box?.height ?? 0) / 2);
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(300);
  });

  it('has no console errors, no CSP violations, and nothing requested beyond this server', () => {
    expect(dashboard.watch.consoleErrors).toEqual([]);
    expect(dashboard.cspViolations).toEqual([]);
    expect(dashboard.watch.foreignRequests).toEqual([]);
  });
});
