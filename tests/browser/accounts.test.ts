import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { launchChromium, watchPage, type PageWatch } from '../support/browser.js';
import { startDashboardServer } from '../support/dashboard.js';
import { signInOverHttp } from '../support/server.js';

let dashboardServer: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
const ADMIN = { username: 'chief', password: 'a long admin passphrase' };
const watches: PageWatch[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  watches.push(watchPage(page));
  return page;
}

beforeAll(async () => {
  dashboardServer = await startDashboardServer({ units: 12 });
  await dashboardServer.server.app.accounts.createUser({ ...ADMIN, displayName: 'Chief of Operations', role: 'admin' }, 'test');
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dashboardServer?.stop();
});

it('signs in through the form, adds a user on the Admin page, and opens and revokes a wall link', async () => {
  const { url } = dashboardServer.server;
  const page = await newPage();
  await page.goto(url);

  // Signed out: the sign-in form, and nothing from the map.
  await page.getByTestId('login-form').waitFor();
  expect(await page.locator('body[data-map-ready="true"]').count()).toBe(0);
  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/wrong username or password/i);

  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-password').press('Enter');
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Chief of Operations');

  // Admin page: a new commander, whose password is shown once and works.
  await page.getByTestId('open-admin').click();
  await page.getByTestId('admin-page').waitFor();
  await page.getByTestId('admin-tab-users').click();
  await page.getByTestId('new-user-username').fill('grace');
  await page.getByTestId('new-user-name').fill('Grace A.');
  await page.getByTestId('new-user-role').selectOption('commander');
  await page.getByTestId('new-user-submit').click();
  const password = (await page.getByTestId('shown-once-value').inputValue()).trim();
  expect(password.length).toBeGreaterThanOrEqual(20);
  const grace = await signInOverHttp(url, 'grace', password);
  expect((await grace.get('/api/auth/me')).body).toMatchObject({ data: { role: 'commander', name: 'Grace A.' } });

  // A wall link, opened on a second screen: read-only, no sign-out button, the map drawn.
  await page.getByTestId('admin-tab-walls').click();
  await page.getByTestId('new-wall-label').fill('JOC wall 2');
  await page.getByTestId('new-wall-submit').click();
  const wallUrl = (await page.getByTestId('shown-once-value').inputValue()).trim();
  expect(wallUrl).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}/wall/wall_`));
  const wall = await newPage();
  await wall.goto(wallUrl);
  await wall.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  expect(new URL(wall.url()).searchParams.get('view')).toBe('wall');
  expect(await wall.getByTestId('signout').count()).toBe(0);
  expect(await wall.getByTestId('open-admin').count()).toBe(0);

  // Revoked from the Admin page: the wall display is signed out by itself.
  const links = z
    .object({ data: z.array(z.object({ id: z.string(), label: z.string() })) })
    .parse((await (await fetch(`${url}/api/admin/wall-links`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json()));
  const link = links.data.find((l) => l.label === 'JOC wall 2');
  await page.getByTestId(`wall-revoke-${link?.id ?? ''}`).click();
  await page.getByTestId(`wall-revoke-${link?.id ?? ''}-confirm`).click();
  await wall.getByTestId('login-reason').waitFor({ timeout: 45_000 });
  expect(await wall.getByTestId('login-reason').textContent()).toMatch(/wall/i);

  // The audit log shows all of it.
  await page.getByTestId('admin-tab-audit').click();
  const audit = page.getByTestId('audit-table');
  for (const action of ['auth.login', 'user.create', 'wall-link.issue', 'wall-link.revoke', 'auth.wall-open']) {
    await expect.poll(() => audit.textContent(), { timeout: 30_000 }).toContain(action);
  }

  for (const w of watches) {
    expect(w.foreignRequests).toEqual([]);
    // The wrong password is answered 401, and the revoked wall's reconnection attempts are refused:
    // Chromium logs both as network failures. Anything else is a defect.
    const defects = w.consoleErrors.filter((e) => !/status of 40[13]|WebSocket connection to .* failed/.test(e));
    expect(defects, w.consoleErrors.join('\n')).toEqual([]);
  }
}, 240_000);
