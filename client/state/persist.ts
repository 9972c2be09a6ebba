import { z } from 'zod';
import { DEFAULT_LAYERS, LAYER_GROUPS, type LayerGroup } from './layers.js';
import type { OpsStore } from './store.js';

const KEY = 'unpol-ops-map:layers';

const Saved = z.partialRecord(z.enum(LAYER_GROUPS), z.boolean());

/** The layer choices this screen made last time, over the defaults. */
export function loadLayers(storage: Pick<Storage, 'getItem'>): Record<LayerGroup, boolean> {
  try {
    const raw = storage.getItem(KEY);
    const parsed = Saved.safeParse(raw ? JSON.parse(raw) : {});
    return { ...DEFAULT_LAYERS, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...DEFAULT_LAYERS };
  }
}

/** Saves the layer choices whenever they change, so a wall display keeps them across reloads. */
export function persistLayers(store: OpsStore, storage: Pick<Storage, 'setItem'>): () => void {
  return store.subscribe((state, previous) => {
    if (state.layers === previous.layers) return;
    try {
      storage.setItem(KEY, JSON.stringify(state.layers));
    } catch {
      // private mode or a full quota: the choice just does not survive a reload
    }
  });
}
