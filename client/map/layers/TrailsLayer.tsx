import { useEffect } from 'react';
import { useSession } from '../../session/context.js';
import { useOpsStore } from '../../state/context.js';
import { SLOTS, TRAILS } from '../ids.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setVisible } from '../mapSources.js';
import { trailLayers } from '../trailLayers.js';
import { useLiveTrails } from './useLiveTrails.js';
import { useSelectedTrack } from './useSelectedTrack.js';

const LAYERS = trailLayers();
const SOURCES = [TRAILS.source, TRAILS.trackSource];

/** Where the patrols have been: every unit's last half hour, and the selected unit's last hour. */
export function TrailsLayer({ visible, selectedUnitId }: { visible: boolean; selectedUnitId: string | null }) {
  const map = useMap();
  const store = useOpsStore();
  const session = useSession();

  useEffect(() => {
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.trails);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  useLiveTrails(map, store, session);
  useSelectedTrack(map, store, session, visible ? selectedUnitId : null);

  useEffect(() => {
    setVisible(map, [TRAILS.line, TRAILS.trackCasing, TRAILS.trackLine], visible);
  }, [map, visible]);

  return null;
}
