import { useEffect } from 'react';
import { useLangStore } from '../../i18n/lang.js';
import { useOpsStore } from '../../state/context.js';
import type { OpsState } from '../../state/store.js';
import { SLOTS } from '../ids.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setGeoJson } from '../mapSources.js';
import { PATROLS, patrolFeatures, patrolLayers } from '../patrolLayers.js';

const LAYERS = patrolLayers();
const SOURCES = [PATROLS.routeSource, PATROLS.pointSource];

/**
 * Planned against actual: the dashed route of every patrol order still followed, through its
 * checkpoints coloured reached, missed or still to come, with the point it must return to; and
 * the route being drawn on this screen. Under the incidents and units.
 */
export function PatrolsLayer() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.incidents);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  useEffect(() => {
    const draw = (state: OpsState) => {
      const callsignOf = (unitId: string) => state.units.get(unitId)?.callsign ?? unitId;
      const { routes, points } = patrolFeatures(state.patrols.values(), callsignOf, state.patrolDraft?.checkpoints ?? []);
      setGeoJson(map, PATROLS.routeSource, routes);
      setGeoJson(map, PATROLS.pointSource, points);
    };
    draw(store.getState());
    // Units move many times a second; only a new order, progress or a draft's change redraws,
    // and a change of language ("Return: …" on the map).
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.patrols !== previous.patrols || state.patrolDraft !== previous.patrolDraft) draw(state);
    });
    const unsubscribeLang = useLangStore.subscribe((now, before) => {
      if (now.lang !== before.lang) draw(store.getState());
    });
    return () => {
      unsubscribe();
      unsubscribeLang();
    };
  }, [map, store]);

  return null;
}
