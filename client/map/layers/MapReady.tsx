import { useEffect } from 'react';
import { useOps } from '../../state/context.js';
import { UNITS } from '../ids.js';
import { useMap } from '../MapContext.js';

/**
 * Marks `document.body.dataset.mapReady = 'true'` once the map has gone idle after the first
 * base map, mission pack and unit snapshot reached it, so browser tests know when to look.
 */
export function MapReady() {
  const map = useMap();
  const loaded = useOps((s) => s.pack !== null && s.basemap !== null && s.seq !== null);
  const unitsWithFix = useOps((s) => {
    let n = 0;
    for (const u of s.units.values()) if (u.last) n += 1;
    return n > 0;
  });

  // A map taken away (signed out) is not ready; the next one must say so afresh.
  useEffect(
    () => () => {
      delete document.body.dataset.mapReady;
    },
    [],
  );

  useEffect(() => {
    if (!loaded || document.body.dataset.mapReady === 'true') return;
    let done = false;
    const unitsDrawn = () => !unitsWithFix || map.querySourceFeatures(UNITS.source).length > 0;
    const finish = () => {
      if (done || !unitsDrawn()) return;
      done = true;
      document.body.dataset.mapReady = 'true';
    };
    map.on('idle', finish);
    // Gliding markers can keep the map busy for long stretches; a loaded map is also ready.
    const poll = setInterval(() => {
      if (map.loaded()) finish();
    }, 500);
    map.triggerRepaint();
    return () => {
      map.off('idle', finish);
      clearInterval(poll);
    };
  }, [map, loaded, unitsWithFix]);

  return null;
}
