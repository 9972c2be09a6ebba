import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page, type Request } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Finds a Chromium on this machine, or says how to get one: nothing is downloaded. */
export function chromiumPath(): string {
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  throw new Error(
    'Browser tests need Chromium and none was found. Install it from Debian with ' +
      '`apt-get install chromium` (as .ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/** Headless Chromium with software WebGL, and no traffic of its own to the outside; `extraArgs` as a kiosk would add them. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

/** What a page did that a test should complain about. */
export interface PageWatch {
  consoleErrors: string[];
  /** requests to anywhere but the server under test */
  foreignRequests: string[];
}

/** Records console errors, uncaught exceptions and every request that leaves localhost. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(`uncaught: ${err.message}`));
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (!local && url.protocol !== 'data:' && url.protocol !== 'blob:') watch.foreignRequests.push(req.url());
  });
  return watch;
}
