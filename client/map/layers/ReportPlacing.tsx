import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { useOpsStore } from '../../state/context.js';
import { useMap } from '../MapContext.js';

/** While mounted, the map shows a crosshair and the next click places the report being made. */
export function ReportPlacing() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    const canvas = map.getCanvasContainer();
    canvas.classList.add('map-placing');
    const onClick = (e: MapMouseEvent) => {
      store.setState({ incidentDraft: { stage: 'form', at: { lat: e.lngLat.lat, lon: e.lngLat.lng } }, selection: null });
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      canvas.classList.remove('map-placing');
    };
  }, [map, store]);

  return null;
}
