import type { LayerSpecification, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { useMap } from '../map/MapContext.js';
import { EMPTY, setGeoJson } from '../map/mapSources.js';
import { useOpsStore } from '../state/context.js';
import type { OpsState } from '../state/store.js';
import { goToFeatures, goToLayers, measureFeatures, measureLayers, WORKSTATION } from './layers.js';
import { withPoint } from './measure.js';
import { updateWorkstation, type LatLon } from './state.js';
import { clearCentreOffset } from './useFreeSpot.js';

const MEASURE_LAYERS = measureLayers();
const GO_TO_LAYERS = goToLayers();

/** Adds a source and its layers on top of everything else; removes them again on unmount. */
function addOnTop(map: MapLibreMap, source: string, layers: readonly LayerSpecification[]): () => void {
  if (!map.getSource(source)) map.addSource(source, { type: 'geojson', data: EMPTY });
  for (const layer of layers) if (!map.getLayer(layer.id)) map.addLayer(layer);
  return () => {
    try {
      for (const layer of [...layers].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(source)) map.removeSource(source);
    } catch {
      // the map went first; nothing left to remove
    }
  };
}

/** A report or patrol checkpoints being placed take the map's clicks. */
const placingStarted = (s: OpsState, previous: OpsState) =>
  (s.incidentDraft?.stage === 'placing' && previous.incidentDraft?.stage !== 'placing') || (s.patrolDraft?.placing === true && previous.patrolDraft?.placing !== true);

/**
 * The distance being measured: each click on the map adds a point (unit and site details do
 * not open meanwhile, see MapPicking), a dashed leg follows the pointer, and each leg's length
 * is written beside it. Double-click zoom is off while measuring, so a double click is one point.
 */
export function MeasureLayer() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => addOnTop(map, WORKSTATION.measureSource, MEASURE_LAYERS), [map]);

  useEffect(() => {
    let pointer: LatLon | null = null;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const points = store.getState().workstation.measure;
      setGeoJson(map, WORKSTATION.measureSource, measureFeatures(points ?? [], points ? pointer : null));
    };
    // At most one redraw per animation frame, however fast the pointer moves.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const setMeasuring = (on: boolean) => {
      map.getCanvasContainer().classList.toggle('workstation-measuring', on);
      if (on) map.doubleClickZoom.disable();
      else {
        map.doubleClickZoom.enable();
        pointer = null;
      }
    };
    const onClick = (e: MapMouseEvent) => {
      const points = store.getState().workstation.measure;
      if (points) updateWorkstation(store, { measure: withPoint(points, { lat: e.lngLat.lat, lon: e.lngLat.lng }) });
    };
    const onMove = (e: MapMouseEvent) => {
      if (!store.getState().workstation.measure) return;
      pointer = { lat: e.lngLat.lat, lon: e.lngLat.lng };
      schedule();
    };
    const onOut = () => {
      pointer = null;
      schedule();
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    setMeasuring(store.getState().workstation.measure !== null);
    draw();
    const stop = store.subscribe((s, previous) => {
      const points = s.workstation.measure;
      if (points !== previous.workstation.measure) {
        if ((points === null) !== (previous.workstation.measure === null)) setMeasuring(points !== null);
        schedule();
      }
      if (points && placingStarted(s, previous)) updateWorkstation(store, { measure: null });
    });
    return () => {
      stop();
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      cancelAnimationFrame(frame);
      setMeasuring(false);
    };
  }, [map, store]);

  return null;
}

/** The place last gone to with "Go to": a ring round a dot, while the box stays open. */
export function GoToMarkLayer() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => addOnTop(map, WORKSTATION.goToSource, GO_TO_LAYERS), [map]);

  useEffect(() => {
    const draw = (state: OpsState) => setGeoJson(map, WORKSTATION.goToSource, goToFeatures(state.workstation.goToMark));
    draw(store.getState());
    return store.subscribe((s, previous) => {
      if (s.workstation.goToMark !== previous.workstation.goToMark) draw(s);
    });
  }, [map, store]);

  return null;
}

/** Flies the map where the app asks: an incident picked from the list, a place typed in "Go to". */
export function MapFlights() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    let frame = 0;
    const stop = store.subscribe((s, previous) => {
      const request = s.workstation.flyTo;
      if (!request || request === previous.workstation.flyTo) return;
      cancelAnimationFrame(frame);
      // A frame later, the details panel this request comes with is on screen: the place
      // lands in the middle of the map left uncovered, not under a panel.
      frame = requestAnimationFrame(() => {
        const main = map.getContainer().closest('.main');
        const offsetX = main instanceof HTMLElement ? clearCentreOffset(main) : 0;
        const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        map.flyTo({
          center: [request.lon, request.lat],
          zoom: Math.max(map.getZoom(), request.zoom),
          offset: [offsetX, 0],
          essential: true,
          ...(reduceMotion ? { duration: 0 } : {}),
        });
      });
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [map, store]);

  return null;
}
