import { MissionPack } from '../../shared/sites.js';
import type { OpsStore } from '../state/store.js';
import { parseBasemap } from './basemap.js';
import { ClientConfig } from '../../shared/config.js';
import { getJson, getReply } from './http.js';

/**
 * Retries a load until it succeeds: on a VSAT link a request fails now and then, and a wall
 * display must get there by itself. Backs off from 1 s to 30 s.
 */
async function untilLoaded<T>(what: string, load: () => Promise<T>, store: OpsStore, signal: AbortSignal): Promise<T | null> {
  let delay = 1_000;
  for (;;) {
    try {
      const value = await load();
      if (store.getState().loadError?.startsWith(what)) store.setState({ loadError: null });
      return value;
    } catch (err) {
      if (signal.aborted) return null;
      const message = err instanceof Error ? err.message : String(err);
      store.setState({ loadError: `${what}: ${message}` });
      await new Promise((r) => setTimeout(r, delay));
      if (signal.aborted) return null;
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

/** Loads the configuration, the mission pack and the base map, each as soon as it arrives. */
export function loadStatic(store: OpsStore): () => void {
  const controller = new AbortController();
  const { signal } = controller;

  void untilLoaded('Configuration', () => getReply('/api/config', ClientConfig, signal), store, signal).then(
    (config) => config && store.setState({ config }),
  );
  void untilLoaded('Mission pack', () => getReply('/api/sites', MissionPack, signal), store, signal).then(
    (pack) => pack && store.setState({ pack }),
  );
  void untilLoaded('Base map', () => getJson('/api/basemap', parseBasemap, signal), store, signal).then(
    (basemap) => basemap && store.setState({ basemap }),
  );

  return () => controller.abort();
}
