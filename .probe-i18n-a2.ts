import { launchChromium } from './tests/support/browser.js';
import { openDashboard, signedInContext, startDashboardServer } from './tests/support/dashboard.js';

const srv = await startDashboardServer({ units: 12 });
const browser = await launchChromium();
try {
  for (const role of ['commander', 'admin'] as const) {
    const ctx = await signedInContext(browser, srv.server, role);
    const { page } = await openDashboard(ctx, srv.server.url);
    for (const lang of ['en', 'fr'] as const) {
      if (lang === 'fr') await page.getByTestId('lang-fr').click();
      else if (await page.evaluate(() => document.documentElement.lang) !== 'en') await page.getByTestId('lang-en').click();
      for (const width of [1920, 1366, 1536]) {
        await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
        await page.waitForTimeout(400);
        const m = await page.evaluate(() => {
          const h = document.querySelector('header.header') as HTMLElement;
          const kids = [...h.children].map((c) => { const r = c.getBoundingClientRect(); return `${(c.className || c.tagName).toString().slice(0, 14)}:${Math.round(r.left)}-${Math.round(r.right)}@${Math.round(r.top)}`; });
          const brand = document.querySelector('.brand') as HTMLElement;
          const vis = [...brand.querySelectorAll('*')].filter((e) => (e as HTMLElement).offsetParent !== null && e.getClientRects().length > 0).map((e) => e.className);
          return { height: Math.round(h.getBoundingClientRect().height), scroll: h.scrollWidth, client: h.clientWidth, brandVisible: vis, kids };
        });
        console.log(role, lang, width, JSON.stringify(m));
        await page.screenshot({ path: `/tmp/i18n-a2/${role}-${lang}-${width}.png`, clip: { x: 0, y: 0, width, height: 140 } });
      }
    }
    await page.getByTestId('lang-en').click();
    await ctx.close();
  }
} finally {
  await browser.close();
  await srv.stop();
}
