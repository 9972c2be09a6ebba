import type { Map as MapLibreMap } from 'maplibre-gl';
import { exportFilename, type SnapshotRecord } from '../../shared/export.js';
import type { IncidentSummary } from '../../shared/incidents.js';
import { formatMgrs } from '../format/position.js';
import { jubaDate, jubaHoursMinutes, jubaUtcOffset, zuluDtg } from '../format/time.js';
import { LAYER_GROUPS, type LayerGroup } from '../state/layers.js';
import { composeSnapshot, type SnapshotSheet } from './compose.js';
import { readInView } from './drawn.js';
import { legendSections } from './legend.js';
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
const longitude = (lon: number) => `${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : 'W'}`;

/** Metres per CSS pixel across the middle of the map. */
function metresPerPixel(map: MapLibreMap): number {
  const { clientWidth, clientHeight } = map.getCanvas();
  const y = clientHeight / 2;
  const half = Math.max(10, Math.min(100, clientWidth / 4));
  const a = map.unproject([clientWidth / 2 - half, y]);
  const b = map.unproject([clientWidth / 2 + half, y]);
  return distanceMetres([a.lng, a.lat], [b.lng, b.lat]) / (half * 2);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The line under the map: where the picture comes from, and who may see it. */
function footerOf(replay: boolean, situationAt: number, exactSensitive: number): string {
  const source = replay ? `Replayed from the record: patrols and incidents as they stood at ${zuluDtg(situationAt)}.` : 'Positions as last reported by each patrol.';
  const sharing =
    exactSensitive > 0
      ? `Shows the exact place of ${plural(exactSensitive, 'need-to-know incident', 'need-to-know incidents')}: share only with people cleared for them.`
      : 'Need-to-know incidents appear only coarsened (±2 km) to readers without that permission.';
  return `${source} ${sharing} No victim or witness details.`;
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
  const sheet: SnapshotSheet = {
    map: picture,
    mapWidth: clientWidth,
    mapHeight: clientHeight,
    scale: clientWidth > 0 ? picture.width / clientWidth : 1,
    classification: strict ? { text: 'UN — STRICTLY CONFIDENTIAL · NEED-TO-KNOW', strict: true } : { text: 'UN — INTERNAL', strict: false },
    title: SNAPSHOT_TITLE,
    situation: `${context.replay ? 'Replay of the situation' : 'Situation'} at ${zuluDtg(situationAt)}`,
    jubaTime: `Juba ${jubaHoursMinutes(situationAt)} (${jubaUtcOffset(situationAt)}) · ${jubaDate(situationAt)}`,
    preparedBy: `Prepared by ${context.preparedBy}`,
    legend: legendSections(inView.drawn),
    inView: [
      units.total === 0 ? 'Patrols: none' : `Patrols: ${units.total} — ${units.live} live · ${units.stale} stale · ${units.lost} lost`,
      inView.incidentIds.length === 0 ? 'Incidents: none' : `Incidents: ${inView.incidentIds.length} — ${inView.openIncidents} open`,
      ...(strict ? [`Exact place: ${plural(exactSensitive, 'need-to-know incident', 'need-to-know incidents')}`] : []),
    ],
    extent: [
      `N ${latitude(bounds.getNorth())}  S ${latitude(bounds.getSouth())}`,
      `W ${longitude(bounds.getWest())}  E ${longitude(bounds.getEast())}`,
      `Centre ${formatMgrs(centre.lng, centre.lat)}`,
      `Zoom ${zoom.toFixed(1)}`,
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
