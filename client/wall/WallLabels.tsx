import { useEffect } from 'react';
import { useMap } from '../map/MapContext.js';
import { wallTextSize } from './labelSize.js';

/**
 * Enlarges every label the map draws (callsigns, "last seen", site and incident names, country
 * names) for the wall, including those of layers added later, and keeps them so.
 */
export function WallLabels() {
  const map = useMap();

  useEffect(() => {
    // What this component set on each layer, to tell its own change from a new layer's.
    const applied = new Map<string, string>();
    const enlarge = () => {
      for (const id of map.getLayersOrder()) {
        if (map.getLayer(id)?.type !== 'symbol' || map.getLayoutProperty(id, 'text-field') === undefined) continue;
        const current = map.getLayoutProperty(id, 'text-size');
        if (applied.get(id) === JSON.stringify(current ?? null)) continue;
        const bigger = wallTextSize(current);
        map.setLayoutProperty(id, 'text-size', bigger);
        applied.set(id, JSON.stringify(bigger));
      }
    };
    enlarge();
    map.on('styledata', enlarge);
    return () => {
      map.off('styledata', enlarge);
    };
  }, [map]);

  return null;
}
