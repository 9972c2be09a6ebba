import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { Fix } from '../../../shared/units.js';
import { retrying } from '../../http/retry.js';
import type { Session } from '../../http/session.js';
import { serverNow, type OpsStore } from '../../state/store.js';
import { extendTrack, TRACK_WINDOW_MS, trackToFeatureCollection, UnitTrack } from '../../trails/track.js';
import { TRAILS } from '../ids.js';
import { EMPTY, setGeoJson } from '../mapSources.js';
import { UNIT_TYPE_COLOURS } from '../palette.js';

const TICK_MS = 1_000;

/**
 * The selected unit's last hour, thicker than the trails: loaded from the server when the unit
 * is selected, then extended with its live fixes, redrawn at most once a second.
 */
export function useSelectedTrack(map: MapLibreMap, store: OpsStore, session: Session, unitId: string | null): void {
  useEffect(() => {
    setGeoJson(map, TRAILS.trackSource, EMPTY);
    if (unitId === null) return;
    const controller = new AbortController();
    let fixes: readonly Fix[] = [];
    let loaded = false;
    let dirty = false;

    const draw = () => {
      const state = store.getState();
      const unit = state.units.get(unitId);
      const next = extendTrack(fixes, unit?.last ?? null, serverNow(state) - TRACK_WINDOW_MS);
      if (next !== fixes) {
        fixes = next;
        dirty = true;
      }
      if (!dirty || !loaded || !unit) return;
      dirty = false;
      setGeoJson(map, TRAILS.trackSource, trackToFeatureCollection(unitId, UNIT_TYPE_COLOURS[unit.type], fixes));
    };

    void retrying(() => session.get(`/api/units/${encodeURIComponent(unitId)}/track`, UnitTrack, controller.signal), controller.signal).then(
      (track) => {
        if (!track) return;
        // Live fixes that came in while the track loaded are kept after it.
        const newer = fixes.filter((f) => f.time > (track.fixes.at(-1)?.time ?? -Infinity));
        fixes = [...track.fixes, ...newer];
        loaded = true;
        dirty = true;
        draw();
      },
    );
    const timer = setInterval(draw, TICK_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
      setGeoJson(map, TRAILS.trackSource, EMPTY);
    };
  }, [map, store, session, unitId]);
}
