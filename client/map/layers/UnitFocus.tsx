import { useEffect } from 'react';
import { useOpsStore } from '../../state/context.js';
import { useMap } from '../MapContext.js';

/** Close enough to see a patrol among its neighbours; a closer view is kept. */
const FOCUS_ZOOM = 11;

/** Flies the map to a unit when the app asks (a row of the units list was clicked). */
export function UnitFocus() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const request = state.focusRequest;
        if (!request || request === previous.focusRequest) return;
        const fix = state.units.get(request.unitId)?.last;
        if (!fix) return;
        const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        map.flyTo({ center: [fix.lon, fix.lat], zoom: Math.max(map.getZoom(), FOCUS_ZOOM), essential: true, ...(reduceMotion ? { duration: 0 } : {}) });
      }),
    [map, store],
  );

  return null;
}
