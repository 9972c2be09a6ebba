import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useSyncExternalStore } from 'react';
import { useMap } from '../map/MapContext.js';

/**
 * The header's Export menu sits outside the map's component tree; the map hands itself over
 * here so that a snapshot can be taken from the header.
 */
let current: MapLibreMap | null = null;
const listeners = new Set<() => void>();

function setSnapshotMap(map: MapLibreMap | null): void {
  current = map;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The map once it has loaded, or null. */
export function useSnapshotMap(): MapLibreMap | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** Rendered inside <MapView>: lends the map to the Export menu while it exists. */
export function SnapshotSource() {
  const map = useMap();
  useEffect(() => {
    setSnapshotMap(map);
    return () => {
      if (current === map) setSnapshotMap(null);
    };
  }, [map]);
  return null;
}
