import type { OpsStore } from '../state/store.js';
import { WorkerMessage } from './messages.js';
import { DATA_CACHE, OFFLINE_COPY_PATHS, WORKER_URL, type OfflineCopyPath, type SaveOfflineCopyMessage } from './protocol.js';
import { applyWorkerMessage, mapDataStaleSince, offlineCopy, type OfflineCopyStore } from './state.js';

/** The parts of `navigator.serviceWorker` used here. */
export type WorkerContainer = Pick<ServiceWorkerContainer, 'controller' | 'register' | 'startMessages' | 'addEventListener' | 'removeEventListener'>;

export interface OfflineCopyOptions {
  /**
   * Loads the map's data again (configuration, mission pack, base map); called when the link
   * comes back after the page opened from the offline copy. Returns a function that stops it.
   */
  reload: () => () => void;
  /** `navigator.serviceWorker` when the browser may run one here (HTTPS or localhost) */
  container?: WorkerContainer | undefined;
  record?: OfflineCopyStore;
  /** the Cache API, to throw the copy away on sign-out */
  caches?: Pick<CacheStorage, 'delete'> | undefined;
}

/** The browser's service-worker container, when this page may use one. */
export function browserWorkerContainer(): WorkerContainer | undefined {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return undefined;
  return navigator.serviceWorker;
}

/**
 * Runs the offline copy from the page's side: registers the worker, records where each answer
 * came from (for the stale-data notice), asks the worker to keep a copy after sign-in and on
 * the first visit, reloads the map's data when the link comes back, and throws the copy away
 * the moment nobody is signed in. Returns a function that stops it (the worker stays).
 */
export function startOfflineCopy(store: OpsStore, options: OfflineCopyOptions): () => void {
  const { container } = options;
  const record = options.record ?? offlineCopy;
  if (!container) return () => {};

  const onMessage = (event: MessageEvent) => {
    const parsed = WorkerMessage.safeParse(event.data);
    if (parsed.success) record.setState((s) => applyWorkerMessage(s, parsed.data));
  };
  container.addEventListener('message', onMessage);
  container.startMessages();

  const save = (paths: OfflineCopyPath[]) => {
    const message: SaveOfflineCopyMessage = { type: 'save-offline-copy', paths };
    container.controller?.postMessage(message);
  };

  // A page the worker did not serve from the start (the first visit: it installs meanwhile)
  // loaded everything past it. Once the worker has taken over, someone is signed in and the
  // map's data is in, it fetches its own copy of everything (mostly from the HTTP cache).
  let copiedEverything = container.controller !== null;
  const copyEverythingOnce = () => {
    const state = store.getState();
    const loaded = state.config !== null && state.pack !== null && state.basemap !== null;
    if (copiedEverything || !container.controller || state.session.status !== 'signed-in' || !loaded) return;
    copiedEverything = true;
    save([...OFFLINE_COPY_PATHS]);
  };
  container.addEventListener('controllerchange', copyEverythingOnce);

  // The link is back and the map was drawn from the copy: load the live answers, once for
  // each time the link comes up (a copy served again then is shown as such, not refetched in a loop).
  let reloading: (() => void) | null = null;
  let reloadedThisLink = false;
  const reloadIfStale = () => {
    const state = store.getState();
    if (state.link.state !== 'connected') {
      reloadedThisLink = false;
      return;
    }
    if (reloadedThisLink || state.session.status !== 'signed-in' || mapDataStaleSince(record.getState()) === null) return;
    reloadedThisLink = true;
    reloading?.();
    reloading = options.reload();
    save(['/api/auth/me']);
  };

  let previous = store.getState().session.status;
  const unsubscribeStore = store.subscribe((state) => {
    const before = previous;
    previous = state.session.status;
    if (state.session.status === 'signed-out' && before !== 'signed-out') {
      // Signed out, or the session has ended: the next person must not open this one's map.
      reloading?.();
      reloading = null;
      record.setState({ answers: {} });
      void options.caches?.delete(DATA_CACHE);
      return;
    }
    // Signing in answers with who is signed in, which the worker never sees: fetch it for the copy.
    if (state.session.status === 'signed-in' && before === 'signed-out') save(['/api/auth/me']);
    copyEverythingOnce();
    reloadIfStale();
  });
  const unsubscribeRecord = record.subscribe(reloadIfStale);

  const register = () => {
    container.register(WORKER_URL, { scope: '/' }).catch((err: unknown) => {
      console.warn(`the offline copy is not available: the service worker did not register (${err instanceof Error ? err.message : String(err)})`);
    });
  };
  // After the page has loaded: on a slow link the first picture comes first.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });

  return () => {
    unsubscribeStore();
    unsubscribeRecord();
    reloading?.();
    window.removeEventListener('load', register);
    container.removeEventListener('message', onMessage);
    container.removeEventListener('controllerchange', copyEverythingOnce);
  };
}
