import '../../client/zodSetup.js';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap } from 'maplibre-gl';
import { io } from 'socket.io-client';
import { ClientConfig } from '../../shared/config.js';
import { UnitMirror, UnitsDelta, UnitsSnapshot } from '../../shared/feed.js';
import { Unit } from '../../shared/units.js';
import { parseBasemap } from '../../client/http/basemap.js';
import { addIcons } from '../../client/map/addIcons.js';
import { SLOTS, UNITS } from '../../client/map/ids.js';
import { addGeoJsonLayers, setGeoJson } from '../../client/map/mapSources.js';
import { buildBaseStyle, SOUTH_SUDAN_BOUNDS } from '../../client/map/style.js';
import { unitLayers } from '../../client/map/unitLayers.js';
import { unitsToFeatureCollection } from '../../client/map/units.js';
import { pointToBundledWorker } from '../../client/map/worker.js';
import { mergeUnits } from '../../client/state/merge.js';
import { policyFrom } from '../../client/state/status.js';

/**
 * The client benchmark's page: the operations map's base style and units layers, fed over
 * Socket.IO, with the client's own code from message to map.
 *
 *  - `?mode=compact`: as the dashboard does (client/realtime/feed.ts, client/map/layers/UnitsLayer.tsx):
 *    each delta is validated, applied to the UnitMirror and merged into the units; at most once
 *    per animation frame the whole FeatureCollection is built and handed to MapLibre.
 *  - `?mode=baseline`: every position comes as its own message with the unit's state, and each
 *    message replaces the whole source's data at once (source.setData of the FeatureCollection).
 */

interface BenchState {
  ready: boolean;
  error: string | null;
  messages: number;
  /** unit positions applied from those messages */
  positions: number;
  draws: number;
  /** milliseconds spent in message handlers and draws, by the page's own clock */
  jsMs: number;
  /** the longest single handler or draw since the benchmark last set it to 0, ms */
  maxMs: number;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

const bench: BenchState = { ready: false, error: null, messages: 0, positions: 0, draws: 0, jsMs: 0, maxMs: 0 };
const spent = (t0: number) => {
  const ms = performance.now() - t0;
  bench.jsMs += ms;
  bench.maxMs = Math.max(bench.maxMs, ms);
};
window.__bench = bench;
/** compact, baseline, or idle (no updates: the reference) */
const mode = new URLSearchParams(location.search).get('mode') ?? 'compact';

async function start(): Promise<void> {
  const [basemapBody, configBody] = await Promise.all([fetch('/basemap.json').then((r) => r.json() as Promise<unknown>), fetch('/config.json').then((r) => r.json() as Promise<unknown>)]);
  const basemap = parseBasemap(basemapBody);
  const policy = policyFrom(ClientConfig.parse(configBody));
  const container = document.getElementById('map');
  if (!container) throw new Error('no #map element');
  pointToBundledWorker();
  // As client/map/MapView.tsx creates it.
  const map = new MapLibreMap({
    container,
    style: buildBaseStyle({ tilesUrl: undefined, basemap }),
    bounds: SOUTH_SUDAN_BOUNDS,
    fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 320, right: 60 } },
    minZoom: 3,
    maxZoom: 18,
    renderWorldCopies: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    validateStyle: false,
  });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  addIcons(map);
  addGeoJsonLayers(map, [UNITS.source], unitLayers(), SLOTS.units);

  let units = new Map<string, Unit>();
  const mirror = new UnitMirror();
  const draw = () => {
    const t0 = performance.now();
    setGeoJson(map, UNITS.source, unitsToFeatureCollection(units.values(), { now: Date.now(), policy }));
    bench.draws += 1;
    spent(t0);
  };
  let frame = 0;
  const schedule = () => {
    if (frame === 0)
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
  };

  const socket = io({ transports: ['websocket'], query: { mode } });
  socket.on('units:snapshot', (raw: unknown) => {
    const snapshot = UnitsSnapshot.parse(raw);
    mirror.applySnapshot(snapshot);
    units = new Map(mirror.units);
    draw();
    map.once('idle', () => (bench.ready = true));
  });
  if (mode !== 'baseline') {
    socket.on('units:delta', (raw: unknown) => {
      const t0 = performance.now();
      const parsed = UnitsDelta.safeParse(raw);
      if (parsed.success) {
        const { changed } = mirror.applyDelta(parsed.data);
        units = mergeUnits(units, changed);
        bench.positions += changed.length;
        schedule();
      }
      bench.messages += 1;
      spent(t0);
    });
  } else {
    socket.on('unit:moved', (raw: unknown) => {
      const t0 = performance.now();
      const parsed = Unit.safeParse(raw);
      if (parsed.success) {
        units.set(parsed.data.id, parsed.data);
        bench.messages += 1;
        bench.positions += 1;
        spent(t0);
        draw();
      }
    });
  }
}

start().catch((err: unknown) => {
  bench.error = err instanceof Error ? err.message : String(err);
});
