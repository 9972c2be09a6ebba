// Scratch measurement of the header (removed before hand-over).
import { it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from '../support/dashboard.js';

it('measures', async () => {
  const srv = await startDashboardServer({ units: 12 });
  const browser = await launchChromium();
  try {
    for (const role of ['commander', 'admin'] as const) {
      const ctx = await signedInContext(browser, srv.server, role);
      const { page } = await openDashboard(ctx, srv.server.url);
      for (const lang of ['en', 'fr'] as const) {
        await page.evaluate((l) => localStorage.setItem('unpol.lang', l), lang);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.reload();
        await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
        await page.waitForTimeout(1500);
        for (const width of [1920, 1366]) {
          await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
          await page.waitForTimeout(400);
          const m = await page.evaluate(() => {
            const h = document.querySelector('header.header') as HTMLElement;
            const kids = [...h.children].map((c) => {
              const r = c.getBoundingClientRect();
              return `${(c.className || c.tagName).toString().slice(0, 14)}:${Math.round(r.left)}-${Math.round(r.right)}@${Math.round(r.top)}`;
            });
            const brand = document.querySelector('.brand') as HTMLElement;
            const vis = [...brand.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0).map((e) => e.className);
            return { height: Math.round(h.getBoundingClientRect().height), scroll: h.scrollWidth, client: h.clientWidth, brandVisible: vis, kids };
          });
          console.log(role, lang, width, JSON.stringify(m));
          await page.screenshot({ path: `/tmp/i18n-a2/${role}-${lang}-${width}.png`, clip: { x: 0, y: 0, width, height: 140 } });
        }
      }
      await page.evaluate(() => localStorage.setItem('unpol.lang', 'en'));
      await ctx.close();
    }
  } finally {
    await browser.close();
    await srv.stop();
  }
}, 300_000);
