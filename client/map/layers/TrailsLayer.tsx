import { useEffect } from 'react';
import { useSession } from '../../session/context.js';
import { useOps, useOpsStore } from '../../state/context.js';
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

  // The live trails tell of the last half hour, not of a moment being replayed: hidden meanwhile.
  const replaying = useOps((s) => s.replay !== null);
  const shown = visible && !replaying;
  useLiveTrails(map, store, session);
  useSelectedTrack(map, store, session, shown ? selectedUnitId : null);

  useEffect(() => {
    setVisible(map, [TRAILS.line, TRAILS.trackCasing, TRAILS.trackLine], shown);
  }, [map, shown]);

  return null;
}
