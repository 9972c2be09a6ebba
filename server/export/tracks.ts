import type { FieldOfficeId } from '../../shared/sites.js';
import type { Fix, UnitType } from '../../shared/units.js';
import { CSV_BOM, csvField } from './csv.js';
import { gridReference } from './grid.js';
import { isoUtc, kmlColour, sheetUtc, zuluDtg } from './labels.js';
import { escapeXml } from './xml.js';

/** One unit's fixes in the window, oldest first. */
export interface UnitTrack {
  unitId: string;
  callsign: string;
  type: UnitType;
  fieldOffice: FieldOfficeId;
  fixes: readonly Fix[];
}

export interface TrackExport {
  tracks: readonly UnitTrack[];
  from: number;
  to: number;
  exportedAt: number;
  exportedBy: string;
}

/** The map's unit colours, so Google Earth draws each kind of patrol as the map does. */
const UNIT_TYPE_COLOUR: Record<UnitType, string> = {
  'fpu-vehicle': '#3ea6ff',
  'ipo-foot': '#2ee6c8',
  'joint-patrol': '#c792ff',
  'static-post': '#e9edf2',
};

const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  'fpu-vehicle': 'FPU vehicle patrol',
  'ipo-foot': 'IPO foot patrol',
  'joint-patrol': 'Joint patrol',
  'static-post': 'Static post',
};

/**
 * Keeps the first fix, then each fix at least `stepMs` after the last one kept, and the last:
 * one point a minute is plenty for a briefing map and a fraction of the size.
 */
export function thinFixes(fixes: readonly Fix[], stepMs: number): Fix[] {
  if (stepMs <= 0 || fixes.length <= 2) return [...fixes];
  const kept: Fix[] = [];
  let lastTime = -Infinity;
  for (const fix of fixes) {
    if (fix.time - lastTime >= stepMs) {
      kept.push(fix);
      lastTime = fix.time;
    }
  }
  const last = fixes[fixes.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

function haversineKm(a: Fix, b: Fix): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance along the track, great circle between fixes; a jump to an implausible fix and back is left out. */
export function trackLengthKm(fixes: readonly Fix[]): number {
  let km = 0;
  let previous: Fix | undefined;
  for (const fix of fixes) {
    if (fix.implausible) continue;
    if (previous) km += haversineKm(previous, fix);
    previous = fix;
  }
  return Math.round(km * 100) / 100;
}

const round = (value: number | undefined, digits: number): number | null =>
  value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The CSV columns, in order: one line per fix, units grouped, each oldest first. Only the unit's
 * own fields are text from people (the callsign); the rest are numbers and times the server writes.
 */
export const TRACK_CSV_COLUMNS = [
  'unit_id',
  'callsign',
  'unit_type',
  'field_office',
  'time_utc',
  'lat',
  'lon',
  'mgrs',
  'speed_kmh',
  'heading_deg',
  'accuracy_m',
  'altitude_m',
  'battery_pct',
  'implausible',
] as const;

/** Fixes per chunk handed to the response: a few tens of milliseconds of work each. */
const CHUNK = 500;

function* inChunks<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

const cell = (value: number | null): string => (value === null ? '' : String(value));

/** CSV (RFC 4180, UTF-8 with a byte-order mark): the columns of `TRACK_CSV_COLUMNS`. */
export function* tracksCsv(e: TrackExport): Generator<string> {
  yield `${CSV_BOM}${TRACK_CSV_COLUMNS.join(',')}\r\n`;
  for (const t of e.tracks) {
    // The unit's fields are the same on every line: quoted and defused once.
    const unit = [t.unitId, t.callsign, t.type, t.fieldOffice].map(csvField).join(',');
    for (const fixes of inChunks(t.fixes)) {
      let text = '';
      for (const f of fixes) {
        const speed = f.speed === undefined ? null : round(f.speed * 3.6, 1);
        text += `${unit},${sheetUtc(f.time)},${f.lat},${f.lon},${gridReference(f.lon, f.lat)},${cell(speed)},${cell(round(f.heading, 0))},${cell(round(f.accuracy, 0))},${cell(round(f.altitude, 0))},${cell(round(f.battery, 0))},${f.implausible === true}\r\n`;
      }
      yield text;
    }
  }
}

/** What one unit's feature says of it, besides the time of each vertex (`coordTimes`). */
function trackProperties(t: UnitTrack) {
  const first = t.fixes[0];
  const last = t.fixes[t.fixes.length - 1];
  return {
    unitId: t.unitId,
    callsign: t.callsign,
    unitType: t.type,
    fieldOffice: t.fieldOffice,
    fixes: t.fixes.length,
    firstFixAt: first ? isoUtc(first.time) : null,
    lastFixAt: last ? isoUtc(last.time) : null,
    lengthKm: trackLengthKm(t.fixes),
  };
}

/**
 * GeoJSON (RFC 7946): one feature per unit, a LineString through its fixes ([lon, lat]), or a
 * Point for a unit with a single fix in the window.
 */
export function* tracksGeoJson(e: TrackExport): Generator<string> {
  const head = { type: 'FeatureCollection', name: `UNMISS patrol tracks ${zuluDtg(e.from)} to ${zuluDtg(e.to)}`, exportedAt: isoUtc(e.exportedAt), from: isoUtc(e.from), to: isoUtc(e.to) };
  yield `${JSON.stringify(head).slice(0, -1)},"features":[`;
  let first = true;
  for (const t of e.tracks) {
    const only = t.fixes[0];
    if (!only) continue;
    const separator = first ? '' : ',';
    first = false;
    if (t.fixes.length === 1) {
      yield `${separator}\n${JSON.stringify({ type: 'Feature', id: t.unitId, geometry: { type: 'Point', coordinates: [only.lon, only.lat] }, properties: { ...trackProperties(t), coordTimes: [isoUtc(only.time)] } })}`;
      continue;
    }
    // A day of fixes is one long line: written in pieces, so no piece holds the server up.
    // `coordTimes` (a time per vertex) is the convention GPX and KML converters use.
    const properties = trackProperties(t);
    yield `${separator}\n{"type":"Feature","id":${JSON.stringify(t.unitId)},"geometry":{"type":"LineString","coordinates":[`;
    let firstPiece = true;
    for (const fixes of inChunks(t.fixes)) {
      yield `${firstPiece ? '' : ','}${fixes.map((f) => `[${f.lon},${f.lat}]`).join(',')}`;
      firstPiece = false;
    }
    yield `]},"properties":${JSON.stringify(properties).slice(0, -1)},"coordTimes":[`;
    firstPiece = true;
    for (const fixes of inChunks(t.fixes)) {
      yield `${firstPiece ? '' : ','}${fixes.map((f) => `"${isoUtc(f.time)}"`).join(',')}`;
      firstPiece = false;
    }
    yield ']}}';
  }
  yield '\n]}\n';
}

/** An XML id (an NCName) from a unit id, which may hold a colon. */
const xmlId = (prefix: string, unitId: string) => `${prefix}-${unitId.replace(/[^A-Za-z0-9._-]/g, '_')}`;

const kmlData = (name: string, value: string | number) => `<Data name="${escapeXml(name)}"><value>${escapeXml(String(value))}</value></Data>`;

function* trackPlacemark(t: UnitTrack): Generator<string> {
  const p = trackProperties(t);
  const first = t.fixes[0];
  const last = t.fixes[t.fixes.length - 1];
  const span = first && last ? `<TimeSpan><begin>${isoUtc(first.time)}</begin><end>${isoUtc(last.time)}</end></TimeSpan>` : '';
  yield (
    `<Placemark id="${xmlId('track', t.unitId)}">` +
    `<name>${escapeXml(t.callsign)}</name>` +
    `<description>${escapeXml(`${UNIT_TYPE_LABEL[t.type]}, ${t.fieldOffice} field office · ${p.fixes} fixes · ${p.lengthKm} km`)}</description>` +
    span +
    `<styleUrl>#unit-${t.type}</styleUrl>` +
    `<ExtendedData>${kmlData('unitId', t.unitId)}${kmlData('unitType', t.type)}${kmlData('fieldOffice', t.fieldOffice)}${kmlData('fixes', p.fixes)}${kmlData('lengthKm', p.lengthKm)}</ExtendedData>` +
    '<gx:Track><altitudeMode>clampToGround</altitudeMode>'
  );
  // gx:Track lists every time, then every position, in the same order.
  for (const fixes of inChunks(t.fixes)) yield fixes.map((f) => `<when>${isoUtc(f.time)}</when>`).join('');
  for (const fixes of inChunks(t.fixes)) yield fixes.map((f) => `<gx:coord>${f.lon} ${f.lat} 0</gx:coord>`).join('');
  yield '</gx:Track></Placemark>\n';
}

function pathPlacemark(t: UnitTrack): string {
  return (
    `<Placemark id="${xmlId('path', t.unitId)}">` +
    `<name>${escapeXml(t.callsign)}</name><visibility>0</visibility>` +
    `<styleUrl>#unit-${t.type}</styleUrl>` +
    `<ExtendedData>${kmlData('unitId', t.unitId)}${kmlData('unitType', t.type)}</ExtendedData>` +
    `<LineString><tessellate>1</tessellate><coordinates>${t.fixes.map((f) => `${f.lon},${f.lat}`).join(' ')}</coordinates></LineString>` +
    `</Placemark>\n`
  );
}

/**
 * KML 2.2 for Google Earth and QGIS: each unit as a gx:Track with a time per fix (Google Earth's
 * time slider replays it), and the same paths as plain LineStrings in a second folder, hidden, for
 * GIS tools that do not read gx:Track.
 */
export function* tracksKml(e: TrackExport): Generator<string> {
  const styles = (Object.keys(UNIT_TYPE_COLOUR) as UnitType[])
    .map(
      (type) =>
        `<Style id="unit-${type}"><IconStyle><color>${kmlColour(UNIT_TYPE_COLOUR[type])}</color><scale>0.7</scale></IconStyle>` +
        `<LineStyle><color>${kmlColour(UNIT_TYPE_COLOUR[type], 0xdd)}</color><width>3</width></LineStyle></Style>\n`,
    )
    .join('');
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">\n<Document>\n' +
    `<name>${escapeXml(`UNMISS patrol tracks ${zuluDtg(e.from)} to ${zuluDtg(e.to)}`)}</name>\n` +
    `<description>${escapeXml(`Exported ${zuluDtg(e.exportedAt)} by ${e.exportedBy}. Times in UTC.`)}</description>\n` +
    styles
  );
  const withFixes = e.tracks.filter((t) => t.fixes.length > 0);
  yield '<Folder><name>Tracks (with times)</name>\n';
  for (const t of withFixes) yield* trackPlacemark(t);
  yield '</Folder>\n<Folder><name>Paths (lines without times)</name><visibility>0</visibility>\n';
  for (const t of withFixes) if (t.fixes.length >= 2) yield pathPlacemark(t);
  yield '</Folder>\n</Document>\n</kml>\n';
}
