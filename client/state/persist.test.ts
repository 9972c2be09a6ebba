import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS } from './layers.js';
import { loadLayers, persistLayers } from './persist.js';
import { createOpsStore } from './store.js';

describe('layer choices', () => {
  it('round-trip through storage', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    const store = createOpsStore();
    const stop = persistLayers(store, storage);
    store.setState((s) => ({ layers: { ...s.layers, corridors: false } }));
    stop();
    expect(loadLayers(storage)).toEqual({ ...DEFAULT_LAYERS, corridors: false });
  });
  it('fall back to the defaults when storage holds rubbish', () => {
    expect(loadLayers({ getItem: () => '{not json' })).toEqual(DEFAULT_LAYERS);
    expect(loadLayers({ getItem: () => '{"units":"yes"}' })).toEqual(DEFAULT_LAYERS);
  });
});
