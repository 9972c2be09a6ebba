import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../i18n/lang.js';
import { useMap } from '../map/MapContext.js';
import { SOUTH_SUDAN_BOUNDS } from '../map/style.js';
import { useOps, useOpsStore } from '../state/context.js';
import { initialCycle, MISSION, nextView, takeFocus, type CycleState, type Focus } from './cycle.js';
import { alertHotspot, findHotspots, newUrgentAlert, type Hotspot } from './hotspots.js';

/** Room around South Sudan for the caption above and the legend below. */
const MISSION_PADDING = { top: 90, bottom: 40, left: 40, right: 40 };
/** Long enough to follow with the eye from across the room. */
const FLIGHT_MS = 3_500;
/** A critical alert can arrive a moment before its patrol's position: wait this long for it. */
const PLACE_WAIT_MS = 15_000;
/** A focused patrol this far from the middle of the picture is brought back to it. */
const FOLLOW_PX = 60;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface HotspotCycle {
  focus: Focus;
  spots: Hotspot[];
}

/**
 * Keeps the wall moving by itself: the whole mission in view, then every `cycleS` seconds the
 * next hot spot and back again; a critical alert raised while the wall is open takes the focus
 * at once. With `cycleS` 0 the wall stays on the whole mission, except while such an alert waits
 * for acknowledgement.
 */
export function useHotspotCycle(cycleS: number): HotspotCycle {
  const map = useMap();
  const store = useOpsStore();
  const units = useOps((s) => s.units);
  const incidents = useOps((s) => s.incidents);
  const alerts = useOps((s) => s.alerts);
  // The captions are in the screen's language: worked out again when it changes.
  const lang = useLang();
  const spots = useMemo(() => findHotspots(units, incidents, alerts, lang), [units, incidents, alerts, lang]);

  const [cycle, setCycle] = useState<CycleState>(initialCycle);
  const cycleRef = useRef(cycle);
  const spotsRef = useRef(spots);
  const dueAt = useRef(0);
  useEffect(() => {
    spotsRef.current = spots;
  }, [spots]);

  const show = useCallback(
    (next: CycleState) => {
      dueAt.current = Date.now() + cycleS * 1000;
      if (next === cycleRef.current) return;
      cycleRef.current = next;
      setCycle(next);
    },
    [cycleS],
  );

  // The turn: one check a second, so a focus taken by an alert restarts the count.
  useEffect(() => {
    if (cycleS === 0) return;
    dueAt.current = Date.now() + cycleS * 1000;
    const timer = setInterval(() => {
      if (Date.now() >= dueAt.current) show(nextView(cycleRef.current, spotsRef.current));
    }, 1_000);
    return () => clearInterval(timer);
  }, [cycleS, show]);

  // A critical alert raised while the wall is open takes the focus the moment its place is known.
  useEffect(() => {
    const openedAt = Date.now();
    let waiting: { alertId: string; until: number } | null = null;
    return store.subscribe((state, previous) => {
      if (state.alerts !== previous.alerts) {
        const urgent = newUrgentAlert(previous.alerts, state.alerts, openedAt + state.clockOffsetMs);
        if (urgent) waiting = { alertId: urgent.id, until: Date.now() + PLACE_WAIT_MS };
        // Off the cycle, the focus an alert took is held until a desk acknowledges it.
        const focus = cycleRef.current.focus;
        if (cycleS === 0 && focus.kind === 'hotspot' && focus.alertId !== null) {
          const held = state.alerts.get(focus.alertId);
          if (!held || held.acknowledgedAt !== null) show({ ...cycleRef.current, focus: MISSION });
        }
      }
      if (!waiting) return;
      const alert = state.alerts.get(waiting.alertId);
      if (!alert || alert.acknowledgedAt !== null) {
        waiting = null;
        return;
      }
      const spot = alertHotspot(alert, state.units, state.incidents);
      // An SOS comes with the patrol's new position: wait for it rather than fly to the old one.
      const sosUnit = alert.kind === 'sos' && alert.unitId !== null ? state.units.get(alert.unitId) : undefined;
      const placed = spot !== null && (sosUnit === undefined || sosUnit.activity === 'sos');
      if (!placed && Date.now() <= waiting.until) return;
      waiting = null;
      if (spot) show(takeFocus(cycleRef.current, spot, alert.id, findHotspots(state.units, state.incidents, state.alerts)));
    });
  }, [store, show, cycleS]);

  // The camera follows the focus; the first view is set at once, later ones are flown.
  const first = useRef(true);
  useEffect(() => {
    const still = first.current || reducedMotion();
    first.current = false;
    const motion = still ? { duration: 0 } : { duration: FLIGHT_MS };
    const focus = cycle.focus;
    if (focus.kind === 'mission') {
      map.fitBounds(SOUTH_SUDAN_BOUNDS, { padding: MISSION_PADDING, essential: true, ...motion });
      return;
    }
    const spot = spotsRef.current.find((s) => s.key === focus.spot.key) ?? focus.spot;
    map.flyTo({ center: [spot.lon, spot.lat], zoom: spot.zoom, essential: true, ...motion });
  }, [map, cycle.focus]);

  // A patrol under focus that moves is kept in the middle of the picture.
  useEffect(() => {
    const follow = () => {
      const focus = cycleRef.current.focus;
      if (focus.kind !== 'hotspot' || map.isMoving()) return;
      const spot = spotsRef.current.find((s) => s.key === focus.spot.key);
      if (!spot) return;
      const centre = map.project(map.getCenter());
      const there = map.project([spot.lon, spot.lat]);
      if (Math.hypot(centre.x - there.x, centre.y - there.y) < FOLLOW_PX) return;
      map.easeTo({ center: [spot.lon, spot.lat], essential: true, duration: reducedMotion() ? 0 : 1_500 });
    };
    follow();
    map.on('moveend', follow);
    return () => {
      map.off('moveend', follow);
    };
  }, [map, spots]);

  return { focus: cycle.focus, spots };
}
