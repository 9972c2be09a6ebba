import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { WALL_MIN_TEXT_PX } from '../../client/wall/labelSize.js';
import { launchChromium, watchPage } from '../support/browser.js';
import { smallTexts } from '../support/text-size.js';
import { postAsDevice, signInOverHttp, type Client } from '../support/server.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

/*
 * French on the wall, the admin page, replay, the Export menu and the patrol orders: what a
 * francophone officer sees once FR is chosen (or once a wall link says `lang=fr`), with no
 * English left behind, text that still fits, and English back when EN is chosen.
 */

const ADMIN_PASSWORD = 'languages-wall-test-password';
const MINUTE = 60_000;

let browser: Browser;
let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ops-lang-wall-'));
  server = await startServerProcess({ port: await freePort(), dataDir, adminPassword: ADMIN_PASSWORD });
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const data = <S extends z.ZodType>(schema: S, reply: { status: number; body: unknown }): z.output<S> => {
  const envelope = z.object({ ok: z.literal(true), data: z.unknown() }).safeParse(reply.body);
  if (!envelope.success) throw new Error(`unexpected reply ${reply.status}: ${JSON.stringify(reply.body)}`);
  return schema.parse(envelope.data.data);
};

const ROSTER = [
  { id: 'mal-fpu-1', callsign: 'MAL-FPU-1', type: 'fpu-vehicle', fieldOffice: 'malakal', ageMs: 10_000, lat: 9.53, lon: 31.66 },
  { id: 'mal-ipo-1', callsign: 'MAL-IPO-1', type: 'ipo-foot', fieldOffice: 'malakal', ageMs: 9 * MINUTE, lat: 9.55, lon: 31.64 },
  { id: 'bor-fpu-2', callsign: 'BOR-FPU-2', type: 'fpu-vehicle', fieldOffice: 'bor', ageMs: 15_000, lat: 6.21, lon: 31.56 },
  { id: 'jub-post-1', callsign: 'JUB-POST-1', type: 'static-post', fieldOffice: 'juba', ageMs: 40 * MINUTE, lat: 4.85, lon: 31.58 },
] as const;

/** The text a person sees in an element: rendered text only, spaces folded. */
const seen = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/**
 * Every visible text node under `root` (or the whole page) holding one of `words` as a whole
 * word, each reported with its text: English left behind on a French screen.
 */
function englishLeft(page: Page, words: readonly string[], root?: string): Promise<string[]> {
  return page.evaluate(
    ({ words, root }) => {
      const base = root ? document.querySelector(root) : document.body;
      if (!base) throw new Error(`nothing matches ${root}`);
      const patterns = words.map((w) => ({ w, re: new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u') }));
      const found: string[] = [];
      const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const element = node.parentElement;
        if (!text || !element || element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility !== 'visible' || style.display === 'none') continue;
        for (const { w, re } of patterns) if (re.test(text)) found.push(`${w}: "${text.slice(0, 80)}"`);
      }
      // Labels a person reads without text nodes: placeholders, and the options of open selects' values.
      for (const input of base.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
        for (const { w, re } of patterns) if (re.test(input.placeholder)) found.push(`${w}: placeholder "${input.placeholder}"`);
      }
      return found;
    },
    { words, root },
  );
}

/** Words that must not be left in English on a French screen (proper names, codes and "Incidents" are the same in both). */
const ENGLISH = [
  'Patrol',
  'Patrols',
  'Patrol orders',
  'Plan a patrol',
  'under way',
  'Cancel',
  'Export',
  'Window',
  'Last 24 hours',
  'Snapshot',
  'Every fix',
  'All patrols',
  'Replay',
  'REPLAY',
  'Back to live',
  'Play',
  'Go to',
  'Loading',
  'Sign out',
  'Acknowledge',
  'Report',
  'Filter',
  'Wall links',
  'Create link',
  'Display language',
  'Revoke',
  'Users',
  'Audit log',
  'live',
  'stale',
  'lost',
  'Open alerts',
  'Whole mission',
  'Field office',
  'Legend',
  'hot spot',
  'hot spots',
  'PATROLS',
  'OPEN ALERTS',
  'WHOLE MISSION',
  'FOCUS',
];

/**
 * Whether the header's content fits its width on one row: nothing cut off at the right, no
 * button wrapped onto two lines.
 */
function headerFits(page: Page): Promise<{ overflow: number; wrapped: string[] }> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('.header');
    if (!header) throw new Error('no header');
    const wrapped: string[] = [];
    for (const button of header.querySelectorAll<HTMLElement>('button, .who-name, .who-role')) {
      if (button.getClientRects().length === 0) continue;
      // The tops of its lines of text: a count badge sits a little off the words' line, a wrapped word a whole line below.
      const line = parseFloat(getComputedStyle(button).fontSize) * 1.2;
      const tops: number[] = [];
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
      }
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > line * 0.8) wrapped.push(button.innerText.replace(/\s+/g, ' ').trim());
    }
    const right = Math.max(...[...header.querySelectorAll<HTMLElement>('*')].map((e) => e.getBoundingClientRect().right));
    return { overflow: Math.max(0, header.scrollWidth - header.clientWidth, right - window.innerWidth), wrapped };
  });
}

/** Waits for the map's first drawn picture; a page that never gets there says what went wrong in it. */
async function mapReady(page: Page, errors: readonly string[]): Promise<void> {
  try {
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
  } catch (err) {
    throw new Error(`the map never got ready; the page said:\n${errors.join('\n')}`, { cause: err });
  }
}

/**
 * The words the map draws from code: the "last seen" beside silent units, the return point of
 * each patrol order, and which name field the country labels show.
 */
function mapWords(page: Page): Promise<{ seen: string[]; returns: string[]; countries: unknown }> {
  return page.evaluate(() => {
    const map = window.__opsMap;
    if (!map) throw new Error('the map is not exposed (test=1)');
    const texts = (source: string, key: string) =>
      [...new Set(map.querySourceFeatures(source).map((f) => f.properties[key] as unknown).filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
    return {
      seen: texts('ops-units', 'seen'),
      returns: map.querySourceFeatures('ops-patrols-points').filter((f) => f.properties.kind === 'return').map((f) => String(f.properties.label)),
      countries: map.getLayoutProperty('ops-base-country-labels', 'text-field'),
    };
  });
}

async function seedServer(admin: Client): Promise<Map<string, string>> {
  const now = Date.now();
  expect((await admin.send('POST', '/api/units', { units: ROSTER.map(({ id, callsign, type, fieldOffice }) => ({ id, callsign, type, fieldOffice })) })).status).toBe(200);
  const tokens = new Map<string, string>();
  for (const unit of ROSTER) {
    const issued = data(z.object({ token: z.string() }), await admin.send('POST', '/api/admin/device-tokens', { unitId: unit.id, label: `${unit.callsign} phone` }));
    tokens.set(unit.id, issued.token);
    const sent = await postAsDevice(`${server.url}/api/positions`, issued.token, { reports: [{ unitId: unit.id, time: now - unit.ageMs, lat: unit.lat, lon: unit.lon, activity: 'on-patrol' }] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  }
  const reports = [
    { category: 'cattle-raiding', severity: 3, title: 'Cattle raid east of Pibor', location: { lat: 6.85, lon: 33.3 }, occurredAt: now - 2 * 3600_000 },
    { category: 'intercommunal-clash', severity: 4, title: 'Clash at Tonj market', location: { lat: 7.27, lon: 28.68 }, occurredAt: now - 3600_000 },
  ];
  for (const report of reports) expect((await admin.send('POST', '/api/incidents', report)).status).toBe(201);
  // A patrol order under way, so the panel lists one.
  const order = await admin.send('POST', '/api/patrols', {
    unitId: 'mal-fpu-1',
    title: 'Market and IDP camp perimeter',
    startsAt: now,
    endsAt: now + 3 * 3600_000,
    checkpoints: [
      { name: 'Market', lat: 9.535, lon: 31.655, radiusM: 300 },
      { name: 'Camp gate', lat: 9.56, lon: 31.64, radiusM: 300 },
    ],
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  return tokens;
}

it('speaks French on the desk (admin, patrols, export, replay) and on a wall opened from a French link', async () => {
  const admin = await signInOverHttp(server.url, 'admin', ADMIN_PASSWORD);
  const tokens = await seedServer(admin);

  // ---- A desk at 1366×768, signed in as the administrator, in English to begin with. ----
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  const [name, value] = admin.cookie.split('=');
  await desk.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
  const page = await desk.newPage();
  const watch = watchPage(page);
  await page.goto(`${server.url}/?test=1`);
  await mapReady(page, watch.consoleErrors);
  expect(await seen(page.getByTestId('open-patrols'))).toMatch(/^Patrols\b/);
  expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');

  // FR in the user menu: the header speaks French at once, and still fits on one row.
  await page.getByTestId('lang-fr').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
  expect(await seen(page.getByTestId('open-patrols'))).toMatch(/^Patrouilles\b/);
  expect(await seen(page.getByTestId('open-replay'))).toBe('Relecture');
  expect(await seen(page.getByTestId('open-export'))).toBe('Exporter');
  expect(await englishLeft(page, ['Patrols', 'Replay', 'Export', 'Sign out'], '.header')).toEqual([]);
  expect(await headerFits(page)).toEqual({ overflow: 0, wrapped: [] });
  // The words drawn on the map follow at once: "last seen", the patrol's return point, the neighbours' names.
  await expect
    .poll(async () => {
      const words = await mapWords(page);
      return words.seen.length > 0 && words.seen.every((w) => w.startsWith('dernier contact') || w.startsWith('perdue')) && words.returns.length > 0 && words.returns.every((w) => w.startsWith('Retour : '));
    }, { timeout: 30_000 })
    .toBe(true);
  expect((await mapWords(page)).countries).toEqual(['upcase', ['get', 'nameFr']]);
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: '/tmp/i18n-header-1366.png' });

  // The patrol orders.
  await page.getByTestId('open-patrols').click();
  const panel = page.getByTestId('patrols-panel');
  await panel.waitFor();
  await expect.poll(() => page.locator('[data-testid^="patrol-row-"]').count(), { timeout: 30_000 }).toBe(1);
  expect(await seen(panel.locator('h2'))).toBe('Ordres de patrouille');
  expect(await seen(page.getByTestId('patrols-under-way'))).toBe('1 en cours');
  expect(await seen(page.getByTestId('patrol-plan'))).toBe('Planifier une patrouille');
  expect(await seen(page.getByTestId('patrol-progress'))).toBe('0/2 points de contrôle');
  expect(await seen(page.getByTestId('patrol-status'))).toMatch(/^(En patrouille|Planifiée)$/);
  expect(await seen(panel.locator('.patrol-row-window'))).toMatch(/^\d\d:\d\d–\d\d:\d\d, heure de Juba$/);
  expect(await seen(panel.locator('.patrol-row-return'))).toMatch(/^Retour à .+ avant \d\d:\d\d$/);
  expect(await englishLeft(page, ENGLISH, '[data-testid="patrols-panel"]')).toEqual([]);
  // The planning form, with its own checks in French.
  await page.getByTestId('patrol-plan').click();
  await page.getByTestId('patrol-form').waitFor();
  expect(await seen(panel.locator('h2'))).toBe('Planifier une patrouille');
  expect(await seen(page.getByTestId('patrol-place'))).toBe('Cliquer sur la carte pour ajouter');
  await page.getByTestId('patrol-submit').click();
  await expect.poll(() => seen(page.getByTestId('patrol-checkpoints-error'))).toBe(
    'Ajoutez au moins un point de contrôle : cliquez sur la carte ou tapez une position.',
  );
  expect(await englishLeft(page, [...ENGLISH, 'Task', 'Start', 'Checkpoints', 'Issue the order', 'Choose'], '[data-testid="patrols-panel"]')).toEqual([]);
  await page.screenshot({ path: '/tmp/i18n-patrols.png' });
  await panel.getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByTestId('open-patrols').click();
  await panel.waitFor({ state: 'detached' });

  // The Export menu.
  await page.getByTestId('open-export').click();
  const menu = page.getByTestId('export-menu');
  await menu.waitFor();
  expect(await seen(menu.locator('.export-field span').first())).toBe('Période');
  expect(await page.getByTestId('export-window').locator('option:checked').innerText()).toBe('Dernières 24 heures');
  expect(await seen(page.getByTestId('export-snapshot'))).toBe('Capture de la carte (PNG)');
  expect(await seen(menu.locator('h2').nth(1))).toBe('Traces des patrouilles');
  expect(await page.getByTestId('export-track-spacing').locator('option:checked').innerText()).toBe('Une par minute');
  await page.getByTestId('export-window').selectOption('custom');
  await page.getByTestId('export-from').fill('hier');
  await expect.poll(() => seen(page.getByTestId('export-window-problem'))).toBe('Tapez le début sous la forme AAAA-MM-JJ HH:MM, heure de Juba.');
  expect(await englishLeft(page, [...ENGLISH, 'From', 'Briefing note', 'Victims', 'Points only'], '[data-testid="export-menu"]')).toEqual([]);
  await page.screenshot({ path: '/tmp/i18n-export.png' });
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });

  // Replay: the banner says in French that the picture is not live.
  await page.getByTestId('open-replay').click();
  const banner = page.getByTestId('replay-banner');
  await banner.waitFor();
  expect(await seen(banner)).toMatch(/^RELECTURE — \d\d:\d\d heure de Juba, pas en direct$/);
  expect(await seen(page.getByTestId('replay-live'))).toBe('Retour au direct');
  expect(await seen(page.getByTestId('replay-play'))).toBe('Lecture');
  expect(await page.getByTestId('replay-slider').getAttribute('aria-label')).toMatch(/^Moment à revoir, sur les \d+ dernières heures$/);
  await page.getByTestId('replay-goto').fill('midi');
  await page.getByTestId('replay-goto-submit').click();
  await expect.poll(() => seen(page.locator('#replay-goto-wrong'))).toMatch(/^Tapez une heure de Juba comme 14:05/);
  expect(await englishLeft(page, ENGLISH, '[data-testid="replay-bar"]')).toEqual([]);
  expect(await englishLeft(page, ENGLISH, '[data-testid="replay-banner"]')).toEqual([]);
  await page.screenshot({ path: '/tmp/i18n-replay.png' });
  await page.getByTestId('replay-live').click();
  await banner.waitFor({ state: 'detached' });

  // The admin page: the wall-link tab lets the administrator choose the wall's language.
  await page.getByTestId('open-admin').click();
  await page.getByTestId('admin-page').waitFor();
  expect(await seen(page.getByTestId('admin-tab-walls'))).toBe('Liens d’écran mural');
  expect(await seen(page.getByTestId('admin-tab-users'))).toBe('Utilisateurs');
  await page.getByTestId('admin-tab-walls').click();
  await page.getByTestId('new-wall-label').waitFor();
  expect(await page.getByTestId('new-wall-lang').inputValue()).toBe('fr');
  await page.getByTestId('new-wall-label').fill('Mur principal du JOC');
  await page.getByTestId('new-wall-submit').click();
  const shownOnce = page.getByTestId('shown-once-value');
  await shownOnce.waitFor({ timeout: 30_000 });
  const wallUrl = await shownOnce.inputValue();
  expect(new URL(wallUrl).pathname).toMatch(/^\/wall\/.+/);
  expect(new URL(wallUrl).searchParams.get('lang')).toBe('fr');
  expect(await seen(page.getByTestId('wall-link-language'))).toBe('L’écran s’ouvre en français.');
  expect(await seen(page.getByTestId('shown-once-copy'))).toBe('Copier');
  expect(await seen(page.getByTestId('new-wall-success'))).toBe('Lien d’écran mural « Mur principal du JOC » créé. Ouvrez-le une fois sur l’écran.');
  expect(await englishLeft(page, ENGLISH, '[data-testid="admin-page"]')).toEqual([]);
  await page.screenshot({ path: '/tmp/i18n-admin-walls.png', fullPage: true });
  // An English wall from the same tab: the link says so.
  await page.getByTestId('shown-once-dismiss').click();
  await page.getByTestId('new-wall-lang').selectOption('en');
  await page.getByTestId('new-wall-label').fill('Malakal briefing room');
  await page.getByTestId('new-wall-submit').click();
  await expect.poll(async () => new URL(await page.getByTestId('shown-once-value').inputValue()).searchParams.get('lang'), { timeout: 30_000 }).toBe('en');
  expect(await seen(page.getByTestId('wall-link-language'))).toBe('L’écran s’ouvre en anglais.');
  // The other tabs.
  await page.getByTestId('admin-tab-trackers').click();
  await page.getByTestId('units-table').waitFor({ timeout: 30_000 });
  expect(await seen(page.getByTestId('units-table').locator('th').nth(1))).toBe('Indicatif');
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('users-table').waitFor({ timeout: 30_000 });
  expect(await seen(page.getByTestId('new-user-submit'))).toBe('Ajouter l’utilisateur');
  await page.getByTestId('admin-tab-audit').click();
  await page.getByTestId('audit-table').waitFor({ timeout: 30_000 });
  expect(await seen(page.getByTestId('audit-export'))).toBe('Exporter en CSV');
  expect(await englishLeft(page, [...ENGLISH, 'Refresh', 'Actor', 'Outcome', 'Load older'], '[data-testid="admin-page"]')).toEqual([]);
  await page.getByTestId('open-map').click();
  await page.getByTestId('admin-page').waitFor({ state: 'detached' });

  // At 1920 px the French header fits too.
  await page.setViewportSize({ width: 1920, height: 1080 });
  expect(await headerFits(page)).toEqual({ overflow: 0, wrapped: [] });
  await page.screenshot({ path: '/tmp/i18n-header-1920.png' });

  // EN again: English at once; FR kept across a reload once chosen.
  await page.getByTestId('lang-en').click();
  expect(await seen(page.getByTestId('open-patrols'))).toMatch(/^Patrols\b/);
  expect(await seen(page.getByTestId('open-export'))).toBe('Export');
  await expect.poll(async () => (await mapWords(page)).seen.every((w) => /^(last seen|lost)/.test(w)), { timeout: 30_000 }).toBe(true);
  expect((await mapWords(page)).returns.every((w) => w.startsWith('Return: '))).toBe(true);
  expect((await mapWords(page)).countries).toEqual(['upcase', ['get', 'name']]);
  await page.getByTestId('lang-fr').click();
  await page.reload();
  await mapReady(page, watch.consoleErrors);
  expect(await page.getByTestId('lang-fr').getAttribute('aria-pressed')).toBe('true');
  expect(await seen(page.getByTestId('open-patrols'))).toMatch(/^Patrouilles\b/);
  await page.getByTestId('lang-en').click();
  expect(watch.consoleErrors).toEqual([]);
  await desk.close();

  // ---- The server carries the language from the wall link to the page, and ignores anything else. ----
  const token = new URL(wallUrl).pathname;
  const spare = data(z.object({ path: z.string() }), await admin.send('POST', '/api/admin/wall-links', { label: 'Spare wall' }));
  const odd = await fetch(`${server.url}${spare.path}?lang=de&cycle=30`, { redirect: 'manual' });
  expect(odd.status).toBe(303);
  expect(odd.headers.get('location')).toBe('/?view=wall&cycle=30');

  // ---- The wall opens its French link once, at 1920×1080, in a browser set to English. ----
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
  const wall = await wallContext.newPage();
  const wallWatch = watchPage(wall);
  await wall.goto(`${server.url}${token}?lang=fr&cycle=0`);
  expect(new URL(wall.url()).searchParams.get('lang')).toBe('fr');
  expect(new URL(wall.url()).searchParams.get('view')).toBe('wall');
  await mapReady(wall, wallWatch.consoleErrors);
  const kpis = wall.getByTestId('wall-kpis');
  await kpis.waitFor();
  await expect.poll(() => wall.getByTestId('wall-patrols-total').innerText(), { timeout: 30_000 }).toBe(String(ROSTER.length));
  // (the titles are drawn in capitals)
  expect((await seen(kpis.locator('.wall-kpi-title').nth(0))).toLowerCase()).toBe(`patrouilles ${ROSTER.length}`);
  // (the fixes age as the test runs: the figures move, the words do not)
  expect(await seen(wall.getByTestId('wall-patrols-totals'))).toMatch(/^\d+ en direct \d+ en retard \d+ perdues?$/);
  expect((await seen(kpis.locator('.wall-kpi-title').nth(1))).toLowerCase()).toBe('incidents, dernières 24 h 2');
  expect(await seen(wall.getByTestId('wall-category-cattle-raiding'))).toMatch(/Raid de bétail\s*1$/);
  expect((await seen(kpis.locator('.wall-kpi-title').nth(2))).toLowerCase()).toMatch(/^alertes ouvertes \d+$/);
  expect((await seen(kpis)).toLowerCase()).toContain('plus ancienne non acquittée');
  expect(await seen(wall.getByTestId('wall-focus'))).toMatch(/^Toute la mission · \d+ points? chauds?$/i);
  expect((await seen(wall.getByTestId('wall-legend'))).toLowerCase()).toContain('bureau de terrain');
  expect((await seen(wall.getByTestId('wall-legend'))).toLowerCase()).toContain('incident critique');
  expect(await englishLeft(wall, ENGLISH)).toEqual([]);
  expect(await smallTexts(wall, WALL_MIN_TEXT_PX)).toEqual([]);
  await wall.screenshot({ path: '/tmp/i18n-wall.png' });

  // An SOS: the caption over the map and the banner, in French, and still large.
  const sos = await postAsDevice(`${server.url}/api/positions`, tokens.get('bor-fpu-2') ?? '', {
    reports: [{ unitId: 'bor-fpu-2', time: Date.now(), lat: 6.4, lon: 31.7, activity: 'sos' }],
  });
  expect(sos.status).toBe(200);
  await expect.poll(() => seen(wall.getByTestId('wall-focus')), { timeout: 30_000 }).toMatch(/^Nouvelle alerte : SOS — BOR-FPU-2 · 1 sur \d+$/i);
  await expect.poll(() => wall.getByTestId('alert-banner').count(), { timeout: 30_000 }).toBe(1);
  expect(await seen(wall.getByTestId('wall-patrols-totals'))).toMatch(/ 1 SOS$/);
  // The alert's title is the server's ("SOS from BOR-FPU-2") and stays as sent; everything round it is French.
  expect(await englishLeft(wall, [...ENGLISH, 'New alert'])).toEqual([]);
  expect(await smallTexts(wall, WALL_MIN_TEXT_PX)).toEqual([]);
  await wall.screenshot({ path: '/tmp/i18n-wall-sos.png' });

  // The server stops: the link-lost banner is French too, and as large.
  await server.stop();
  const lost = wall.getByTestId('link-banner-headline');
  await lost.waitFor({ timeout: 30_000 });
  expect(await seen(lost)).toMatch(/^LIAISON PERDUE/);
  expect(await englishLeft(wall, ['LINK LOST', 'since', 'Reconnecting', 'offline'])).toEqual([]);
  expect(await smallTexts(wall, WALL_MIN_TEXT_PX)).toEqual([]);
  await wall.screenshot({ path: '/tmp/i18n-wall-link-lost.png' });
  const defects = wallWatch.consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|status of 50[23]/.test(e));
  expect(defects, wallWatch.consoleErrors.join('\n')).toEqual([]);
  await wallContext.close();
}, 420_000);
