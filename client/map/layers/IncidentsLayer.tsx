import { useEffect } from 'react';
import { useOpsStore } from '../../state/context.js';
import { INCIDENTS, SLOTS } from '../ids.js';
import { addIncidentIcons } from '../incidentIcon.js';
import { incidentLayers, selectedIncidentFilter } from '../incidentLayers.js';
import { coarseAreas, incidentPoints } from '../incidents.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setGeoJson, setVisible } from '../mapSources.js';

const LAYERS = incidentLayers();
const SOURCES = [INCIDENTS.source, INCIDENTS.areaSource];

/** The incidents: a diamond per incident in its category's colour, ringed by severity. */
export function IncidentsLayer({ visible, labels, selectedIncidentId }: { visible: boolean; labels: boolean; selectedIncidentId: string | null }) {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    addIncidentIcons(map);
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.incidents);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  useEffect(() => {
    const draw = (incidents: ReturnType<typeof store.getState>['incidents']) => {
      setGeoJson(map, INCIDENTS.source, incidentPoints(incidents.values()));
      setGeoJson(map, INCIDENTS.areaSource, coarseAreas(incidents.values()));
    };
    // In replay: the incidents as they stood at the moment replayed.
    const shown = (state: ReturnType<typeof store.getState>) => state.replay?.incidents ?? state.incidents;
    draw(shown(store.getState()));
    return store.subscribe((state, previous) => {
      if (shown(state) !== shown(previous)) draw(shown(state));
    });
  }, [map, store]);

  useEffect(() => {
    if (map.getLayer(INCIDENTS.selected)) map.setFilter(INCIDENTS.selected, selectedIncidentFilter(selectedIncidentId));
  }, [map, selectedIncidentId]);

  useEffect(() => {
    setVisible(map, [INCIDENTS.areaFill, INCIDENTS.areaLine, INCIDENTS.severityRing, INCIDENTS.selected, INCIDENTS.marker], visible);
    setVisible(map, [INCIDENTS.label], visible && labels);
  }, [map, visible, labels]);

  return null;
}
