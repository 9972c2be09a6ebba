import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { openDashboard, signedInContext, startDashboardServer, type OpenedDashboard } from '../support/dashboard.js';

/**
 * English and French at a desk: the header, the lists, the details panel, the alert queue, the
 * layer switcher and the sign-in page follow the language chosen in the user menu, and the
 * choice survives a reload.
 */

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let context: BrowserContext;
let dashboard: OpenedDashboard;

beforeAll(async () => {
  dashboardServer = await startDashboardServer();
  browser = await launchChromium();
  context = await signedInContext(browser, dashboardServer.server, 'commander');
  dashboard = await openDashboard(context, dashboardServer.server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

/** What a person sees in an element: its rendered text (as styled: some labels are in capitals), not hidden nodes. */
const seen = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const header = (page: Page) => page.locator('header.header').innerText();

/**
 * English words that must be gone once French is on, as whole words. Texts the server wrote
 * (alert and incident titles, names of places, callsigns) are left out of the scan.
 */
const ENGLISH = [
  'Acknowledge',
  'Report incident',
  'Patrols',
  'Patrol',
  'Sign out',
  'Filter',
  'Search',
  'Every field office',
  'Any status',
  'Units',
  'Alerts',
  'Measure',
  'Go to',
  'Layers',
  'Last seen',
  'Speed',
  'Heading',
  'Live',
  'Stale',
  'Lost',
  'ago',
  'Close',
  'Field office',
  'Sound on',
  'Enable sound',
];

/** Visible text nodes under a selector, skipping what the server wrote. */
async function visibleTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const skip = '.alert-banner-title, .alert-row-title, .incident-row-title, [data-testid="detail-title"], .unit-row-callsign, .incident-description, [data-testid="detail-source"], .dispatch-callsign, .who-name';
    const out: string[] = [];
    for (const root of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!parent || text === '' || parent.closest(skip)) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden' || parent.closest('[hidden]')) continue;
        out.push(text);
      }
      // Titles, tooltips, placeholders and aria-labels are read too.
      for (const el of Array.from(root.querySelectorAll('[title], [placeholder], [aria-label]'))) {
        if (el.closest(skip)) continue;
        for (const attr of ['title', 'placeholder', 'aria-label']) {
          const value = el.getAttribute(attr);
          if (value) out.push(value);
        }
      }
    }
    return out;
  }, selector);
}

function englishLeft(texts: readonly string[]): string[] {
  return texts.filter((text) => ENGLISH.some((word) => new RegExp(`\\b${word}\\b`).test(text)));
}

/**
 * How many rows the header's controls take: controls whose tops are more than half a control's
 * height apart are on different rows. Also the header's own height, to compare with one row in English.
 */
async function headerRows(page: Page): Promise<{ rows: number; height: number }> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('header.header');
    if (!header) throw new Error('no header');
    const boxes = Array.from(header.children)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const middles = boxes.map((r) => r.top + r.height / 2).sort((a, b) => a - b);
    let rows = middles.length > 0 ? 1 : 0;
    for (let i = 1; i < middles.length; i++) if ((middles[i] ?? 0) - (middles[i - 1] ?? 0) > 20) rows += 1;
    return { rows, height: header.getBoundingClientRect().height };
  });
}

async function chooseLanguage(page: Page, lang: 'en' | 'fr'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

describe('English and French', () => {
  it('opens in English and turns the header French from the user menu', async () => {
    const { page } = dashboard;
    await expect.poll(() => page.getByTestId('unit-count').getAttribute('data-count'), { timeout: 20_000 }).toBe('48');
    expect(await header(page)).toContain('Sign out');
    expect(await header(page)).toContain('Report incident');
    // The product's name is on screen, not only in the window title.
    expect(await header(page)).toContain('UNPOL Ops');
    // At 1920 px the desk header is one row in English, language switch and all.
    const english = await headerRows(page);
    expect(english.rows).toBe(1);

    await chooseLanguage(page, 'fr');
    const text = await header(page);
    for (const french of ['Déconnexion', 'Signaler', 'Unités', 'Alertes', 'Mesurer', 'Aller à', 'Heure de Juba', 'en direct', 'EN DIRECT', 'Ops UNPOL']) {
      expect(text.toLowerCase()).toContain(french.toLowerCase());
    }
    // The short label on the button, the full words in its tooltip.
    expect(await page.getByTestId('open-report').getAttribute('title')).toBe('Signaler un incident (I)');
    // The switch names the other language only.
    expect(await page.getByTestId('lang-en').isVisible()).toBe(true);
    expect(await page.getByTestId('lang-fr').isVisible()).toBe(false);
    expect(await page.getByTestId('lang-fr').getAttribute('aria-pressed')).toBe('true');
    // And the French header is one row too, no taller than the English one.
    const french = await headerRows(page);
    expect(french.rows).toBe(1);
    expect(french.height).toBeLessThanOrEqual(english.height + 1);
    expect(text).not.toContain('Sign out');
    expect(await page.title()).toBe('Carte des opérations UNPOL — MINUSS');
    // The date-time group stays as NATO writes it, in either language.
    expect(await seen(page, 'clock-zulu')).toMatch(/^\d{6}Z [A-Z]{3} \d{2}$/);
    expect(englishLeft(await visibleTexts(page, 'header.header'))).toEqual([]);
  });

  it('words the units list and a patrol’s details in French', async () => {
    const { page } = dashboard;
    await page.getByTestId('open-units').click();
    const panel = page.getByTestId('units-panel');
    await panel.waitFor();
    const list = await panel.innerText();
    expect(list).toContain('Unités');
    expect(list).toMatch(/En direct|En retard|Perdue/);
    expect(await page.getByTestId('units-filter-office').innerText()).toContain('Tous les bureaux de terrain');
    expect(await page.getByTestId('units-search').getAttribute('placeholder')).toBe('Indicatif, identifiant ou groupe');
    expect(englishLeft(await visibleTexts(page, '[data-testid="units-panel"]'))).toEqual([]);

    await page.locator('[data-testid^="unit-row-"]').first().click();
    const details = page.getByTestId('details-panel');
    await details.waitFor();
    await expect.poll(() => details.innerText()).toContain('Dernier contact');
    const words = await details.innerText();
    for (const french of ['Vitesse', 'Cap', 'Précision', 'Heure de la position', 'Bureau de terrain de']) expect(words).toContain(french);
    expect(await seen(page, 'detail-last-seen')).toMatch(/^(à l’instant|à l'instant|il y a .+)$/);
    expect(englishLeft(await visibleTexts(page, '[data-testid="details-panel"]'))).toEqual([]);
    await page.getByTestId('open-units').click();
  });

  it('words the incidents list, the alert queue and the layer switcher in French', async () => {
    const { page } = dashboard;
    await page.getByTestId('open-incidents').click();
    await page.getByTestId('incidents-panel').waitFor();
    const incidents = await seen(page, 'incidents-panel');
    for (const french of ['Signalé', 'Vérifié', 'En intervention', 'Résolu', 'Clos']) expect(incidents).toContain(french);
    expect(await page.getByTestId('incidents-filter-severity').innerText()).toContain('Toute gravité');
    expect(await page.getByTestId('incidents-search').getAttribute('placeholder')).toBe('Rechercher dans les titres');
    expect(englishLeft(await visibleTexts(page, '[data-testid="incidents-panel"]'))).toEqual([]);
    await page.getByTestId('open-incidents').click();

    await page.getByTestId('open-alerts').click();
    await page.getByTestId('alerts-panel').waitFor();
    expect(await seen(page, 'alerts-panel')).toMatch(/Alertes/);
    expect(await seen(page, 'alerts-waiting')).toMatch(/toutes acquittées|à acquitter/);
    expect(englishLeft(await visibleTexts(page, '[data-testid="alerts-panel"]'))).toEqual([]);
    await page.getByTestId('open-alerts').click();

    const layers = page.getByTestId('layer-switcher');
    if ((await page.locator('.layers-closed').count()) > 0) await layers.locator('.layers-head').click();
    const legend = await layers.innerText();
    for (const french of ['Couches et légende', 'Patrouilles', 'Couloirs de transhumance', 'Sites PoC', 'Menace contre des civils / attaque armée', 'Critique (4)']) {
      expect(legend.toLowerCase()).toContain(french.toLowerCase());
    }
    // Every category's name is shown in full: none cut off with an ellipsis.
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="incident-legend"] .legend-key > span:last-child'))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > (el.closest('.layers')?.getBoundingClientRect().right ?? Infinity))
        .map((el) => el.textContent ?? ''),
    );
    expect(cut).toEqual([]);
    await page.screenshot({ path: '/tmp/i18n-fr-layers.png' });
    expect(englishLeft(await visibleTexts(page, '[data-testid="layer-switcher"]'))).toEqual([]);
  });

  it('fits the French header, nothing cut or spilling over, at 1920 and 1366 pixels', async () => {
    const { page } = dashboard;
    for (const width of [1920, 1366]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await page.waitForTimeout(500);
      const box = await page.evaluate(() => {
        const el = document.querySelector('header.header');
        if (!(el instanceof HTMLElement)) return null;
        return { scroll: el.scrollWidth, client: el.clientWidth, height: el.getBoundingClientRect().height };
      });
      expect(box).not.toBeNull();
      expect(box?.scroll).toBeLessThanOrEqual((box?.client ?? 0) + 1);
      // Nothing in the header may overflow its own box (a button's label cut or pushed out).
      const overflowing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('header.header button, header.header .clock, header.header .who'))
          .filter((el) => el instanceof HTMLElement && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent ?? ''),
      );
      expect(overflowing).toEqual([]);
      // One row at 1920 px, at most two on a laptop, the product's name always on screen.
      expect((await headerRows(page)).rows).toBeLessThanOrEqual(width === 1920 ? 1 : 2);
      expect(await page.locator('.brand-short').isVisible()).toBe(true);
      await page.screenshot({ path: `/tmp/i18n-fr-${width}.png` });
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('goes back to English, and keeps the choice over a reload', async () => {
    const { page } = dashboard;
    await chooseLanguage(page, 'en');
    expect(await header(page)).toContain('Sign out');
    expect(await page.title()).toBe('UNPOL Operations Map — UNMISS');

    await chooseLanguage(page, 'fr');
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => header(page), { timeout: 20_000 }).toContain('Déconnexion');
    expect(await page.getByTestId('lang-fr').getAttribute('aria-pressed')).toBe('true');
  });

  it('signs out to a French sign-in page, and back to English there', async () => {
    const { page } = dashboard;
    await page.getByTestId('signout').click();
    await page.getByTestId('login-form').waitFor();
    const form = await seen(page, 'login-form');
    for (const french of ['Vous êtes déconnecté.', 'Nom d’utilisateur', 'Mot de passe', 'Se connecter']) expect(form).toContain(french);
    await page.screenshot({ path: '/tmp/i18n-fr-login.png' });
    await page.getByTestId('login-submit').click();
    expect(await seen(page, 'login-error')).toBe('Saisissez votre nom d’utilisateur et votre mot de passe.');
    // The message already on screen follows the switch.
    await chooseLanguage(page, 'en');
    expect(await seen(page, 'login-error')).toBe('Enter your username and password.');
    expect(await seen(page, 'login-form')).toContain('You have signed out.');
  });
});
