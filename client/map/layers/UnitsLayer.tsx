import { useEffect } from 'react';
import { useLangStore } from '../../i18n/lang.js';
import { useOpsStore } from '../../state/context.js';
import { policyFrom } from '../../state/status.js';
import { serverNow } from '../../state/store.js';
import { addIcons } from '../addIcons.js';
import { SLOTS, UNITS } from '../ids.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setGeoJson, setVisible } from '../mapSources.js';
import { prefersReducedMotion, UnitTweens } from '../tween.js';
import { selectedFilter, unitLayers } from '../unitLayers.js';
import { unitsToFeatureCollection } from '../units.js';

const LAYERS = unitLayers();
const SOURCES = [UNITS.source];

/** Above this many units markers jump instead of gliding: the frame budget goes to drawing. */
const TWEEN_MAX_UNITS = 1_000;
/**
 * Statuses age on the client too (a link can be down), and "last seen 7 min ago" must keep
 * counting, so redraw now and then without news: the words are feature properties, not layers.
 */
const AGEING_REDRAW_MS = 5_000;

export interface UnitsVisibility {
  units: boolean;
  labels: boolean;
  accuracy: boolean;
}

/**
 * The patrols. Messages land in the store as they come; this layer reads the store at most
 * once per animation frame and pushes one FeatureCollection, gliding markers between fixes.
 */
export function UnitsLayer({ visible, selectedUnitId }: { visible: UnitsVisibility; selectedUnitId: string | null }) {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    addIcons(map);
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.units);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  useEffect(() => {
    const tweens = new UnitTweens();
    let frame = 0;
    let seen: unknown = null;

    const draw = () => {
      frame = 0;
      const state = store.getState();
      const now = Date.now();
      // In replay: the units as they were, each at its fix then, aged by the replayed clock.
      const replay = state.replay;
      const units = replay ? replay.units : state.units;
      const glide = !replay && units.size <= TWEEN_MAX_UNITS && !prefersReducedMotion();
      if (units !== seen) {
        if (glide) tweens.retarget(units, now);
        seen = units;
      }
      const features = unitsToFeatureCollection(units.values(), {
        now: replay ? (replay.shownAt ?? replay.at) : serverNow(state, now),
        policy: policyFrom(state.config),
        ...(glide ? { positionOf: (u) => tweens.position(u.id, now) } : {}),
      });
      setGeoJson(map, UNITS.source, features);
      if (glide && tweens.moving(now)) schedule();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units !== previous.units || state.config !== previous.config || state.replay !== previous.replay) schedule();
    });
    // "last seen 7 min ago" is in the screen's language: redrawn at once when it changes.
    const unsubscribeLang = useLangStore.subscribe((now, before) => {
      if (now.lang !== before.lang) schedule();
    });
    const ageing = setInterval(schedule, AGEING_REDRAW_MS);
    schedule();
    return () => {
      unsubscribe();
      unsubscribeLang();
      clearInterval(ageing);
      cancelAnimationFrame(frame);
    };
  }, [map, store]);

  useEffect(() => {
    if (map.getLayer(UNITS.selected)) map.setFilter(UNITS.selected, selectedFilter(selectedUnitId));
  }, [map, selectedUnitId]);

  const { units, labels, accuracy } = visible;
  useEffect(() => {
    setVisible(map, [UNITS.halo, UNITS.heading, UNITS.marker, UNITS.selected, UNITS.implausibleRing, UNITS.implausibleBadge, UNITS.seen], units);
    setVisible(map, [UNITS.label], units && labels);
    setVisible(map, [UNITS.accuracy], units && accuracy);
  }, [map, units, labels, accuracy]);

  return null;
}
