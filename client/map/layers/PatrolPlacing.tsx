import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { withCheckpoint } from '../../patrols/draft.js';
import { useOpsStore } from '../../state/context.js';
import { useMap } from '../MapContext.js';

/**
 * While mounted, the map shows a crosshair and each click adds a checkpoint to the patrol order
 * being planned; Escape stops.
 */
export function PatrolPlacing() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    const canvas = map.getCanvasContainer();
    canvas.classList.add('map-placing-checkpoints');
    const onClick = (e: MapMouseEvent) => {
      store.setState((s) => (s.patrolDraft ? { patrolDraft: withCheckpoint(s.patrolDraft, { lat: e.lngLat.lat, lon: e.lngLat.lng }) } : {}));
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.setState((s) => (s.patrolDraft ? { patrolDraft: { ...s.patrolDraft, placing: false } } : {}));
    };
    map.on('click', onClick);
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      window.removeEventListener('keydown', onKey);
      canvas.classList.remove('map-placing-checkpoints');
    };
  }, [map, store]);

  return null;
}
