/**
 * What the page and the service worker agree on: where the worker lives, the caches it keeps,
 * which API answers it keeps an offline copy of, and the messages between the two.
 * Imported by both sides; imports nothing, so the worker stays small.
 */

/** Served from the site root so its scope covers every page of the app. */
export const WORKER_URL = '/sw.js';

/** The app shell of one build; each build gets its own and the old ones are deleted. */
export const SHELL_CACHE_PREFIX = 'ops-shell-';

/** The offline copy of the session and the map's data; emptied on sign-out. */
export const DATA_CACHE = 'ops-offline-data-v1';

/** The page served for any address of the app when the link is down. */
export const SHELL_PAGE = '/index.html';

/**
 * The only API answers kept for a boot without a link: who is signed in, the client settings,
 * the mission pack and the base map. Nothing about incidents, victims, witnesses, alerts,
 * patrol positions or administration is ever kept.
 */
export const OFFLINE_COPY_PATHS = ['/api/auth/me', '/api/config', '/api/sites', '/api/basemap'] as const;
export type OfflineCopyPath = (typeof OFFLINE_COPY_PATHS)[number];

/** The answers the stale-data notice speaks of: what the map is drawn from. */
export const MAP_DATA_PATHS: readonly OfflineCopyPath[] = ['/api/sites', '/api/basemap', '/api/config'];

/** Header the worker adds to each answer it keeps: when it was fetched (epoch ms). */
export const SAVED_AT_HEADER = 'x-ops-saved-at';

export function isOfflineCopyPath(path: string): path is OfflineCopyPath {
  return (OFFLINE_COPY_PATHS as readonly string[]).includes(path);
}

/** Page → worker: fetch these answers now and keep them (after sign-in, or on the first visit). */
export interface SaveOfflineCopyMessage {
  type: 'save-offline-copy';
  paths: OfflineCopyPath[];
}
