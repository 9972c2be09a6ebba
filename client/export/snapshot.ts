import type { Map as MapLibreMap } from 'maplibre-gl';
import { exportFilename, type SnapshotRecord } from '../../shared/export.js';
import type { IncidentSummary } from '../../shared/incidents.js';
import { formatMgrs } from '../format/position.js';
import { jubaDate, jubaHoursMinutes, jubaUtcOffset, zuluDtg } from '../format/time.js';
import { messagesNow } from '../i18n/messages.js';
import { LAYER_GROUPS, type LayerGroup } from '../state/layers.js';
import { composeSnapshot, type SnapshotSheet } from './compose.js';
import { readInView } from './drawn.js';
import { legendSections } from './legend.js';
import { snapshotMessages } from './messages.js';
import { distanceMetres, scaleBar } from './scaleBar.js';

export const SNAPSHOT_TITLE = 'UNPOL Operations Map — UNMISS';

/** What a snapshot needs besides the map: the time, who takes it, and what they may see. */
export interface SnapshotContext {
  map: MapLibreMap;
  /** the moment the map shows, server epoch ms: now, or the moment chosen in replay */
  situationAt: number;
  /** the map shows the past (replay), not the live picture */
  replay: boolean;
  /** "Maj. A. Okello · Commander" */
  preparedBy: string;
  layers: Readonly<Record<LayerGroup, boolean>>;
  /** the incidents the map draws, by id */
  incidents: ReadonlyMap<string, IncidentSummary>;
}

export interface Snapshot {
  png: Blob;
  filename: string;
  width: number;
  height: number;
  /** what the audit log is told */
  record: SnapshotRecord;
}

/**
 * A copy of the map as it is drawn now. The WebGL picture is only readable in the frame that
 * drew it, so a frame is asked for and copied from inside its `render` event; the map itself
 * keeps its default (faster) drawing buffer.
 */
export function captureMap(map: MapLibreMap, timeoutMs = 15_000): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off('render', copy);
      reject(new Error('the map did not draw a frame to copy; try again'));
    }, timeoutMs);
    function copy() {
      clearTimeout(timer);
      const source = map.getCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        reject(new Error('this browser cannot copy the map (no 2D canvas)'));
        return;
      }
      ctx.drawImage(source, 0, 0);
      resolve(canvas);
    }
    map.once('render', copy);
    map.triggerRepaint();
  });
}

const latitude = (lat: number) => `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? 'N' : 'S'}`;
const longitude = (lon: number) => `${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : messagesNow(snapshotMessages).west}`;

/** Metres per CSS pixel across the middle of the map. */
function metresPerPixel(map: MapLibreMap): number {
  const { clientWidth, clientHeight } = map.getCanvas();
  const y = clientHeight / 2;
  const half = Math.max(10, Math.min(100, clientWidth / 4));
  const a = map.unproject([clientWidth / 2 - half, y]);
  const b = map.unproject([clientWidth / 2 + half, y]);
  return distanceMetres([a.lng, a.lat], [b.lng, b.lat]) / (half * 2);
}

/** The line under the map: where the picture comes from, and who may see it. */
function footerOf(replay: boolean, situationAt: number, exactSensitive: number): string {
  const t = messagesNow(snapshotMessages);
  const source = replay ? t.replayed(zuluDtg(situationAt)) : t.live;
  const sharing = exactSensitive > 0 ? t.exactShown(exactSensitive) : t.coarsened;
  return `${source} ${sharing} ${t.noVictims}`;
}

/** Takes the briefing picture of the map as it is now: PNG, legend, time, extent and scale. */
export async function takeSnapshot(context: SnapshotContext): Promise<Snapshot> {
  const { map, situationAt } = context;
  const picture = await captureMap(map);
  const inView = readInView(map);
  const exactSensitive = inView.incidentIds.filter((id) => {
    const incident = context.incidents.get(id);
    return incident !== undefined && incident.sensitive && !incident.locationCoarsened;
  }).length;
  const strict = exactSensitive > 0;

  const bounds = map.getBounds();
  const centre = map.getCenter();
  const zoom = map.getZoom();
  const { clientWidth, clientHeight } = map.getCanvas();
  const filename = exportFilename('map', 'png', situationAt);
  const { units } = inView;
  // The picture is worded in the language of the screen it was taken on.
  const t = messagesNow(snapshotMessages);
  const sheet: SnapshotSheet = {
    map: picture,
    mapWidth: clientWidth,
    mapHeight: clientHeight,
    scale: clientWidth > 0 ? picture.width / clientWidth : 1,
    classification: strict ? { text: t.strict, strict: true } : { text: t.internal, strict: false },
    title: SNAPSHOT_TITLE,
    situation: t.situation(context.replay, zuluDtg(situationAt)),
    jubaTime: t.juba(jubaHoursMinutes(situationAt), jubaUtcOffset(situationAt), jubaDate(situationAt)),
    preparedBy: t.preparedBy(context.preparedBy),
    legend: legendSections(inView.drawn),
    inView: [
      units.total === 0 ? t.patrolsNone : t.patrols(units.total, units.live, units.stale, units.lost),
      inView.incidentIds.length === 0 ? t.incidentsNone : t.incidents(inView.incidentIds.length, inView.openIncidents),
      ...(strict ? [t.exactPlace(exactSensitive)] : []),
    ],
    extent: [
      `N ${latitude(bounds.getNorth())}  S ${latitude(bounds.getSouth())}`,
      `${t.west} ${longitude(bounds.getWest())}  E ${longitude(bounds.getEast())}`,
      t.centre(formatMgrs(centre.lng, centre.lat)),
      t.zoom(zoom.toFixed(1)),
    ],
    scaleBar: scaleBar(metresPerPixel(map), 150),
    footer: footerOf(context.replay, situationAt, exactSensitive),
  };
  const canvas = composeSnapshot(sheet);
  const png = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the snapshot could not be encoded as PNG'))), 'image/png');
  });
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return {
    png,
    filename,
    width: canvas.width,
    height: canvas.height,
    record: {
      extent: { west: clamp(bounds.getWest(), 180), south: clamp(bounds.getSouth(), 90), east: clamp(bounds.getEast(), 180), north: clamp(bounds.getNorth(), 90) },
      zoom,
      situationAt: Math.round(situationAt),
      replay: context.replay,
      layers: LAYER_GROUPS.filter((g) => context.layers[g]),
      incidents: inView.incidentIds.length,
      exactSensitive,
      filename,
    },
  };
}
