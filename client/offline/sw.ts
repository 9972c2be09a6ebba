/**
 * The offline worker: after one visit the app opens with the link down.
 * - The app shell of this build (page, scripts, styles, map worker) is precached at install.
 * - Who is signed in, the client settings, the mission pack and the base map are fetched from
 *   the network first; when the link does not answer, the copy kept at the last good answer is
 *   served, and the page is told so (with the time it was kept) so that it can say what is stale.
 * - Nothing else is kept: not the live feed (never intercepted), not incidents, alerts, patrol
 *   positions or administration, and no change (POST, PATCH, DELETE).
 * - Signing out, or a server that no longer knows the session, throws the copy away.
 *
 * Built on its own as a classic script (client/offline/vite-plugin.ts), which every browser
 * with service workers can run; the build fills in the two constants below.
 */
import { isServerFailure, isWorthKeeping, meansSignedOut } from './answers.js';
import {
  DATA_CACHE,
  isOfflineCopyPath,
  SAVED_AT_HEADER,
  SHELL_CACHE_PREFIX,
  SHELL_PAGE,
  type OfflineCopyPath,
} from './protocol.js';
import type { WorkerMessage } from './messages.js';
import { routeRequest } from './routes.js';
import type { ExtendableMessageEvent, FetchEvent, ServiceWorkerScope, WorkerClient } from './sw-types.js';

/** Root-relative paths of this build's app shell. */
declare const __OFFLINE_SHELL__: readonly string[];
/** Changes with any file of the shell, so a new build installs a new worker. */
declare const __OFFLINE_BUILD_ID__: string;

const worker = self as unknown as ServiceWorkerScope;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__OFFLINE_BUILD_ID__}`;
const SHELL_PATHS: ReadonlySet<string> = new Set(__OFFLINE_SHELL__);

/**
 * How long to wait for the server to start answering before using the kept copy. A VSAT link
 * that drops often swallows packets rather than refusing them, and the browser would otherwise
 * wait minutes; 600 ms round trips answer well inside these.
 */
const PAGE_WAIT_MS = 6_000;
const DATA_WAIT_MS = 10_000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await worker.caches.open(SHELL_CACHE);
      // Hashed files may come from the browser's HTTP cache (the page has just loaded them);
      // the page itself is not hashed, so ask the server whether it changed.
      await cache.addAll(__OFFLINE_SHELL__.map((path) => new Request(path, path === SHELL_PAGE ? { cache: 'no-cache' } : {})));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await worker.caches.keys()) {
        if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await worker.caches.delete(name);
      }
      // Take over the page of the first visit, so it can save its offline copy straight away.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const route = routeRequest(
    { url: new URL(event.request.url), method: event.request.method, mode: event.request.mode },
    worker.location.origin,
    SHELL_PATHS,
  );
  switch (route.kind) {
    case 'pass':
      return;
    case 'sign-out':
      // The request goes to the server untouched; the copy goes whatever the server answers.
      event.waitUntil(forgetOfflineCopy());
      return;
    case 'page':
      event.respondWith(page(event.request));
      return;
    case 'shell':
      event.respondWith(shellFile(event.request));
      return;
    case 'offline-copy':
      event.respondWith(networkFirst(event, route.path));
      return;
  }
});

worker.addEventListener('message', (event: ExtendableMessageEvent) => {
  const paths = pathsToSave(event.data);
  if (paths.length === 0) return;
  const source = event.source;
  event.waitUntil(Promise.all(paths.map((path) => saveNow(path, source))));
});

/** Reads a page's request to save answers; anything else is ignored. */
function pathsToSave(data: unknown): OfflineCopyPath[] {
  if (typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'save-offline-copy') return [];
  if (!('paths' in data) || !Array.isArray(data.paths)) return [];
  return data.paths.filter((p): p is OfflineCopyPath => typeof p === 'string' && isOfflineCopyPath(p));
}

type Outcome = { kind: 'answered'; response: Response } | { kind: 'failed' } | { kind: 'slow' };

function waitFor(promise: Promise<Response>, ms: number): Promise<Outcome> {
  return Promise.race([
    promise.then(
      (response): Outcome => ({ kind: 'answered', response }),
      (): Outcome => ({ kind: 'failed' }),
    ),
    new Promise<Outcome>((resolve) => setTimeout(() => resolve({ kind: 'slow' }), ms)),
  ]);
}

/** An address of the app: the server's page when it answers, this build's shell when it does not. */
async function page(request: Request): Promise<Response> {
  const network = worker.fetch(request);
  const outcome = await waitFor(network, PAGE_WAIT_MS);
  if (outcome.kind === 'answered' && !isServerFailure(outcome.response.status)) return outcome.response;
  const shell = await (await worker.caches.open(SHELL_CACHE)).match(SHELL_PAGE);
  if (shell) return shell;
  if (outcome.kind === 'answered') return outcome.response;
  return outcome.kind === 'slow' ? network : Response.error();
}

/** A file of this build: hashed, so the precached copy is the right one for as long as it exists. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await (await worker.caches.open(SHELL_CACHE)).match(new URL(request.url).pathname);
  return cached ?? worker.fetch(request);
}

/** The network's answer when it comes in time; the kept copy when it does not. */
async function networkFirst(event: FetchEvent, path: OfflineCopyPath): Promise<Response> {
  const network = worker.fetch(event.request);
  // Kept even when the page has already been given the copy: the next boot gets the newer one.
  const kept = network.then((response) => keepAnswer(path, response));
  event.waitUntil(kept.catch(() => undefined));
  const outcome = await waitFor(network, DATA_WAIT_MS);
  if (outcome.kind === 'answered' && !isServerFailure(outcome.response.status)) {
    const savedAt = await kept.catch(() => null);
    if (savedAt !== null) await tell(event.clientId, { type: 'answer-source', path, source: 'network', savedAt });
    return outcome.response;
  }
  const copy = await keptCopy(path);
  if (copy) {
    await tell(event.clientId, { type: 'answer-source', path, source: 'offline-copy', savedAt: copy.savedAt });
    return copy.response;
  }
  if (outcome.kind === 'answered') return outcome.response;
  return outcome.kind === 'slow' ? network : Response.error();
}

/** Fetches an answer for a page that asked for its offline copy to be saved. */
async function saveNow(path: OfflineCopyPath, source: WorkerClient | null): Promise<void> {
  try {
    const response = await worker.fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const savedAt = await keepAnswer(path, response);
    if (savedAt !== null) source?.postMessage({ type: 'answer-source', path, source: 'network', savedAt } satisfies WorkerMessage);
  } catch {
    // No link: the next answer that comes through will be kept instead.
  }
}

/**
 * Keeps a successful answer with the time it was fetched, and returns that time; throws the
 * whole copy away when the answer says the session is over. Returns null when nothing was kept.
 */
async function keepAnswer(path: OfflineCopyPath, response: Response): Promise<number | null> {
  const body = await response.clone().arrayBuffer();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    // Not JSON: judged on its status alone.
  }
  if (meansSignedOut(path, response.status, parsed)) {
    await forgetOfflineCopy();
    return null;
  }
  if (!isWorthKeeping(response.status) || parsed === undefined) return null;
  // The server's own time of the answer (it may have come from the HTTP cache), as the header clock shows it.
  const dated = Date.parse(response.headers.get('date') ?? '');
  const savedAt = Number.isFinite(dated) ? dated : Date.now();
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, String(savedAt));
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  await (await worker.caches.open(DATA_CACHE)).put(path, copy);
  return savedAt;
}

async function keptCopy(path: OfflineCopyPath): Promise<{ response: Response; savedAt: number } | null> {
  const response = await (await worker.caches.open(DATA_CACHE)).match(path, { ignoreVary: true });
  if (!response) return null;
  const savedAt = Number(response.headers.get(SAVED_AT_HEADER));
  return { response, savedAt: Number.isFinite(savedAt) ? savedAt : 0 };
}

async function forgetOfflineCopy(): Promise<void> {
  await worker.caches.delete(DATA_CACHE);
  for (const client of await worker.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'offline-copy-forgotten' } satisfies WorkerMessage);
  }
}

async function tell(clientId: string, message: WorkerMessage): Promise<void> {
  if (!clientId) return;
  (await worker.clients.get(clientId))?.postMessage(message);
}
