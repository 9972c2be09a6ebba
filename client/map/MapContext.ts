import type { Map as MapLibreMap } from 'maplibre-gl';
import { createContext, useContext } from 'react';

/** The one map, handed to layer components only once its style has loaded. */
export const MapContext = createContext<MapLibreMap | null>(null);

export function useMap(): MapLibreMap {
  const map = useContext(MapContext);
  if (!map) throw new Error('a map layer must be rendered inside <MapView>');
  return map;
}
