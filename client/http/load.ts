import { MissionPack } from '../../shared/sites.js';
import type { LoadFailure, OpsStore } from '../state/store.js';
import { parseBasemap } from './basemap.js';
import { ClientConfig } from '../../shared/config.js';
import { isUnauthenticated } from './errors.js';
import { getJson, getReply } from './http.js';

export interface LoadOptions {
  /** called once when the server says the session has gone; loading then stops */
  onUnauthenticated?: () => void;
}

/**
 * Retries a load until it succeeds: on a VSAT link a request fails now and then, and a wall
 * display must get there by itself. Backs off from 1 s to 30 s.
 */
async function untilLoaded<T>(
  what: LoadFailure['part'],
  load: () => Promise<T>,
  store: OpsStore,
  signal: AbortSignal,
  onUnauthenticated: () => void,
): Promise<T | null> {
  let delay = 1_000;
  for (;;) {
    try {
      const value = await load();
      if (store.getState().loadError?.part === what) store.setState({ loadError: null });
      return value;
    } catch (err) {
      if (signal.aborted) return null;
      // Retrying cannot help until someone signs in again.
      if (isUnauthenticated(err)) {
        onUnauthenticated();
        return null;
      }
      const message = err instanceof Error ? err.message : String(err);
      store.setState({ loadError: { part: what, detail: message } });
      await new Promise((r) => setTimeout(r, delay));
      if (signal.aborted) return null;
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

/** Loads the configuration, the mission pack and the base map, each as soon as it arrives. */
export function loadStatic(store: OpsStore, options: LoadOptions = {}): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  let told = false;
  const onUnauthenticated = () => {
    if (told) return;
    told = true;
    controller.abort();
    options.onUnauthenticated?.();
  };

  void untilLoaded('config', () => getReply('/api/config', ClientConfig, signal), store, signal, onUnauthenticated).then(
    (config) => config && store.setState({ config }),
  );
  void untilLoaded('pack', () => getReply('/api/sites', MissionPack, signal), store, signal, onUnauthenticated).then(
    (pack) => pack && store.setState({ pack }),
  );
  void untilLoaded('basemap', () => getJson('/api/basemap', parseBasemap, signal), store, signal, onUnauthenticated).then(
    (basemap) => basemap && store.setState({ basemap }),
  );

  return () => controller.abort();
}
