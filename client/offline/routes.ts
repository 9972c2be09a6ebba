import { isOfflineCopyPath, type OfflineCopyPath } from './protocol.js';

/**
 * What the service worker does with one request:
 * - `pass`: not touched at all (the live feed, every change, anything with people in it);
 * - `sign-out`: passed on untouched, and the offline copy is thrown away;
 * - `page`: an address of the app, network first, the precached shell when the link is down;
 * - `shell`: a file of this build, from the precache;
 * - `offline-copy`: network first, the kept answer when the link is down.
 */
export type RequestRoute =
  | { kind: 'pass' }
  | { kind: 'sign-out' }
  | { kind: 'page' }
  | { kind: 'shell' }
  | { kind: 'offline-copy'; path: OfflineCopyPath };

export interface RequestFacts {
  url: URL;
  method: string;
  /** Request.mode: 'navigate' for a page load */
  mode: string;
}

/** Addresses served by the server itself, never by the app shell. */
const SERVER_PAGES = [/^\/api\//, /^\/socket\.io\//, /^\/wall\//, /^\/osmand(\/|$)/, /^\/healthz$/];

/**
 * Decides the route of a request. `origin` is the app's own; `shellPaths` the files of this
 * build (from the precache manifest).
 */
export function routeRequest(request: RequestFacts, origin: string, shellPaths: ReadonlySet<string>): RequestRoute {
  const { url, method, mode } = request;
  if (url.origin !== origin) return { kind: 'pass' };
  const path = url.pathname;
  // The live feed is never answered from a cache: positions must be live or absent.
  if (path.startsWith('/socket.io/')) return { kind: 'pass' };
  if (method !== 'GET') return method === 'POST' && path === '/api/auth/logout' ? { kind: 'sign-out' } : { kind: 'pass' };
  if (isOfflineCopyPath(path) && url.search === '') return { kind: 'offline-copy', path };
  if (mode === 'navigate') return SERVER_PAGES.some((p) => p.test(path)) ? { kind: 'pass' } : { kind: 'page' };
  if (path.startsWith('/api/')) return { kind: 'pass' };
  if (shellPaths.has(path)) return { kind: 'shell' };
  return { kind: 'pass' };
}
