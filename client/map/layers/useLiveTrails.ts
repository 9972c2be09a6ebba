import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { Trails, type Unit } from '../../../shared/units.js';
import { retrying } from '../../http/retry.js';
import type { Session } from '../../http/session.js';
import { serverNow, type OpsStore } from '../../state/store.js';
import { TrailBook } from '../../trails/trailBook.js';
import { trailsToFeatureCollection } from '../../trails/trailFeatures.js';
import { TRAILS } from '../ids.js';
import { EMPTY, setGeoJson } from '../mapSources.js';

const TRAIL_MINUTES = 30;
const AGE_BANDS = 3;
const TICK_MS = 1_000;
/** Redraw now and then without news, so the fading follows the clock. */
const FADE_REDRAW_MS = 10_000;
/**
 * Each setData has the worker cut every line again: with many points, redraw less often
 * (one more second per this many points) so a big roster does not keep the map busy.
 */
const POINTS_PER_EXTRA_SECOND = 50_000;
/** After a link outage this long, the trails are loaded again to fill the gap. */
const RELOAD_AFTER_OUTAGE_MS = 60_000;

/**
 * Every unit's path over the last half hour: loaded once from the server, then extended with
 * each new fix from the store, trimmed to the window, and pushed to the map at most once a second.
 */
export function useLiveTrails(map: MapLibreMap, store: OpsStore, session: Session): void {
  useEffect(() => {
    const book = new TrailBook({ windowMs: TRAIL_MINUTES * 60_000 });
    const controller = new AbortController();
    let dirty = true;
    let lastFlush = -Infinity;
    let loading = false;

    const takeFixes = (units: ReadonlyMap<string, Unit>, previous: ReadonlyMap<string, Unit> | null) => {
      for (const [id, unit] of units) {
        const fix = unit.last;
        if (!fix || previous?.get(id) === unit) continue;
        if (book.add(id, fix.time, fix.lon, fix.lat)) dirty = true;
      }
    };

    const load = async () => {
      if (loading) return;
      loading = true;
      const trails = await retrying(() => session.get(`/api/trails?minutes=${TRAIL_MINUTES}`, Trails, controller.signal), controller.signal);
      loading = false;
      if (!trails) return;
      book.load(trails.trails);
      dirty = true;
      flush(true);
    };

    const flush = (force = false) => {
      const state = store.getState();
      const now = serverNow(state);
      if (book.trim(now, state.units)) dirty = true;
      if (now - lastFlush >= FADE_REDRAW_MS) dirty = true;
      if (!dirty || !state.layers.trails) return;
      const spacing = TICK_MS + Math.floor(book.pointCount / POINTS_PER_EXTRA_SECOND) * 1_000;
      if (!force && now - lastFlush < spacing) return;
      dirty = false;
      lastFlush = now;
      setGeoJson(map, TRAILS.source, trailsToFeatureCollection(book.entries(), state.units, { now, windowMs: book.limits.windowMs, bands: AGE_BANDS }));
    };

    takeFixes(store.getState().units, null);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units !== previous.units) takeFixes(state.units, previous.units);
      if (state.layers.trails && !previous.layers.trails) flush(true);
      const { downSince } = previous.link;
      const reconnected = state.link.state === 'connected' && downSince !== null && state.link.downSince === null;
      if (reconnected && Date.now() - downSince >= RELOAD_AFTER_OUTAGE_MS) void load();
    });
    const timer = setInterval(flush, TICK_MS);
    void load();
    return () => {
      controller.abort();
      unsubscribe();
      clearInterval(timer);
      setGeoJson(map, TRAILS.source, EMPTY);
    };
  }, [map, store, session]);
}
