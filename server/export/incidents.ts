import { COARSE_GRID_DEG, IncidentCategory, type IncidentSummary } from '../../shared/incidents.js';
import { CSV_BOM, csvField, csvLine, type CsvValue } from './csv.js';
import { gridReference } from './grid.js';
import { CATEGORY_LABEL, isoUtc, kmlColour, SEVERITY_COLOUR, SEVERITY_LABEL, sheetUtc, zuluDtg } from './labels.js';
import { escapeXml } from './xml.js';

/**
 * Incidents for a briefing or the GIS cell. Every incident handed in here is already a summary
 * (server/incidents/redaction.ts): no victims or witnesses for anyone, and for a need-to-know
 * incident seen without the permission, the centre of its grid cell with `locationCoarsened`.
 */
export interface IncidentExport {
  incidents: readonly IncidentSummary[];
  from: number;
  to: number;
  exportedAt: number;
  exportedBy: string;
  /** a unit's callsign, for the patrols sent */
  callsignOf: (unitId: string) => string | undefined;
}

/** Incidents per chunk handed to the response, so a long export never holds the server up. */
const CHUNK = 200;

function* chunked<T>(items: readonly T[], write: (item: T) => string): Generator<string> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK).map(write).join('');
}

/** A coarsened location is given at 1 km, so that its grid reference claims no more than it is. */
const gridOf = (i: IncidentSummary) => gridReference(i.location.lon, i.location.lat, i.locationCoarsened ? 2 : 5);

const firstArrival = (i: IncidentSummary): number | null => {
  const arrived = i.assignments.flatMap((a) => (a.arrivedAt === null ? [] : [a.arrivedAt]));
  return arrived.length === 0 ? null : Math.min(...arrived);
};

const COARSENED_NOTE = `Need-to-know incident: the location is the centre of its ${COARSE_GRID_DEG}° grid cell (about 2 km), not the place itself.`;

/**
 * The CSV columns, in order: one line per incident, times in UTC.
 * `location_coarsened` is true where lat, lon and MGRS are the centre of the incident's grid cell.
 */
export const INCIDENT_CSV_COLUMNS: readonly { name: string; value: (i: IncidentSummary, e: IncidentExport) => CsvValue }[] = [
  { name: 'id', value: (i) => i.id },
  { name: 'occurred_utc', value: (i) => sheetUtc(i.occurredAt) },
  { name: 'occurred_dtg', value: (i) => zuluDtg(i.occurredAt) },
  { name: 'category', value: (i) => i.category },
  { name: 'category_label', value: (i) => CATEGORY_LABEL[i.category] },
  { name: 'severity', value: (i) => i.severity },
  { name: 'severity_label', value: (i) => SEVERITY_LABEL[i.severity] ?? '' },
  { name: 'status', value: (i) => i.status },
  { name: 'title', value: (i) => i.title },
  { name: 'description', value: (i) => i.description },
  { name: 'lat', value: (i) => i.location.lat },
  { name: 'lon', value: (i) => i.location.lon },
  { name: 'mgrs', value: gridOf },
  { name: 'location_coarsened', value: (i) => i.locationCoarsened },
  { name: 'sensitive', value: (i) => i.sensitive },
  { name: 'field_office', value: (i) => i.fieldOffice },
  { name: 'nearest_poc_site', value: (i) => i.nearestSite?.name ?? null },
  { name: 'nearest_poc_site_km', value: (i) => i.nearestSite?.distanceKm ?? null },
  { name: 'patrols_sent', value: (i, e) => i.assignments.map((a) => e.callsignOf(a.unitId) ?? a.unitId).join('; ') },
  {
    name: 'first_arrival_utc',
    value: (i) => {
      const arrival = firstArrival(i);
      return arrival === null ? null : sheetUtc(arrival);
    },
  },
  { name: 'reported_utc', value: (i) => sheetUtc(i.reportedAt) },
  { name: 'reported_by', value: (i) => i.reportedBy },
  { name: 'updated_utc', value: (i) => sheetUtc(i.updatedAt) },
];

/** CSV (RFC 4180, UTF-8 with a byte-order mark): the columns of `INCIDENT_CSV_COLUMNS`. */
export function* incidentsCsv(e: IncidentExport): Generator<string> {
  yield `${CSV_BOM}${INCIDENT_CSV_COLUMNS.map((c) => csvField(c.name)).join(',')}\r\n`;
  yield* chunked(e.incidents, (i) => csvLine(INCIDENT_CSV_COLUMNS.map((c) => c.value(i, e))));
}

/** The properties of one GeoJSON feature: the API's field names, times in ISO 8601 UTC. */
export function incidentProperties(i: IncidentSummary, e: Pick<IncidentExport, 'callsignOf'>) {
  const arrival = firstArrival(i);
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    category: i.category,
    categoryLabel: CATEGORY_LABEL[i.category],
    severity: i.severity,
    severityLabel: SEVERITY_LABEL[i.severity] ?? null,
    status: i.status,
    occurredAt: isoUtc(i.occurredAt),
    occurredDtg: zuluDtg(i.occurredAt),
    reportedAt: isoUtc(i.reportedAt),
    reportedBy: i.reportedBy,
    updatedAt: isoUtc(i.updatedAt),
    sensitive: i.sensitive,
    locationCoarsened: i.locationCoarsened,
    ...(i.locationCoarsened ? { coarseGridDeg: COARSE_GRID_DEG, note: COARSENED_NOTE } : {}),
    mgrs: gridOf(i),
    fieldOffice: i.fieldOffice,
    nearestPocSite: i.nearestSite?.name ?? null,
    nearestPocSiteKm: i.nearestSite?.distanceKm ?? null,
    patrolsSent: i.assignments.map((a) => ({
      unitId: a.unitId,
      callsign: e.callsignOf(a.unitId) ?? null,
      assignedAt: isoUtc(a.assignedAt),
      arrivedAt: a.arrivedAt === null ? null : isoUtc(a.arrivedAt),
    })),
    firstArrivalAt: arrival === null ? null : isoUtc(arrival),
  };
}

/** GeoJSON (RFC 7946): a FeatureCollection of points, [lon, lat] in WGS84. */
export function* incidentsGeoJson(e: IncidentExport): Generator<string> {
  // Foreign members (RFC 7946 §6.1) say what the file is; GIS tools ignore them.
  const head = { type: 'FeatureCollection', name: `UNMISS incidents ${zuluDtg(e.from)} to ${zuluDtg(e.to)}`, exportedAt: isoUtc(e.exportedAt), from: isoUtc(e.from), to: isoUtc(e.to) };
  yield `${JSON.stringify(head).slice(0, -1)},"features":[`;
  let first = true;
  yield* chunked(e.incidents, (i) => {
    const feature = { type: 'Feature', id: i.id, geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] }, properties: incidentProperties(i, e) };
    const text = `${first ? '' : ','}\n${JSON.stringify(feature)}`;
    first = false;
    return text;
  });
  yield '\n]}\n';
}

const kmlData = (name: string, value: string | number | boolean | null) =>
  value === null || value === '' ? '' : `<Data name="${escapeXml(name)}"><value>${escapeXml(String(value))}</value></Data>`;

function incidentPlacemark(i: IncidentSummary, e: IncidentExport): string {
  const p = incidentProperties(i, e);
  const lines = [
    `${p.categoryLabel} · severity ${i.severity} (${p.severityLabel ?? '?'}) · ${i.status}`,
    `Occurred ${p.occurredDtg} · MGRS ${p.mgrs}`,
    ...(i.locationCoarsened ? [COARSENED_NOTE] : []),
    ...(i.description ? ['', i.description] : []),
  ];
  const data = [
    kmlData('id', i.id),
    kmlData('category', i.category),
    kmlData('severity', i.severity),
    kmlData('status', i.status),
    kmlData('occurredAt', p.occurredAt),
    kmlData('mgrs', p.mgrs),
    kmlData('locationCoarsened', i.locationCoarsened),
    kmlData('sensitive', i.sensitive),
    kmlData('fieldOffice', i.fieldOffice),
    kmlData('nearestPocSite', p.nearestPocSite),
    kmlData('nearestPocSiteKm', p.nearestPocSiteKm),
    kmlData('patrolsSent', p.patrolsSent.map((a) => a.callsign ?? a.unitId).join('; ')),
    kmlData('reportedBy', i.reportedBy),
  ].join('');
  return (
    `<Placemark id="incident-${escapeXml(i.id)}">` +
    `<name>${escapeXml(i.title)}</name>` +
    `<description>${escapeXml(lines.join('\n'))}</description>` +
    `<TimeStamp><when>${p.occurredAt}</when></TimeStamp>` +
    `<styleUrl>#severity-${i.severity}</styleUrl>` +
    `<ExtendedData>${data}</ExtendedData>` +
    `<Point><coordinates>${i.location.lon},${i.location.lat}</coordinates></Point>` +
    `</Placemark>\n`
  );
}

/** KML 2.2 for Google Earth and QGIS: a folder per category, placemarks styled by severity. */
export function* incidentsKml(e: IncidentExport): Generator<string> {
  const styles = [1, 2, 3, 4]
    .map(
      (s) =>
        `<Style id="severity-${s}"><IconStyle><color>${kmlColour(SEVERITY_COLOUR[s] ?? '#ffffff')}</color><scale>${(0.8 + s * 0.15).toFixed(2)}</scale></IconStyle>` +
        `<LabelStyle><scale>${s >= 3 ? '0.9' : '0.75'}</scale></LabelStyle></Style>\n`,
    )
    .join('');
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n' +
    `<name>${escapeXml(`UNMISS incidents ${zuluDtg(e.from)} to ${zuluDtg(e.to)}`)}</name>\n` +
    `<description>${escapeXml(`Exported ${zuluDtg(e.exportedAt)} by ${e.exportedBy}. Need-to-know incidents are placed at the centre of a ${COARSE_GRID_DEG}° cell for readers without that permission. No victim or witness details are included.`)}</description>\n` +
    styles
  );
  for (const category of IncidentCategory.options) {
    const inCategory = e.incidents.filter((i) => i.category === category);
    if (inCategory.length === 0) continue;
    yield `<Folder><name>${escapeXml(`${CATEGORY_LABEL[category]} (${inCategory.length})`)}</name>\n`;
    yield* chunked(inCategory, (i) => incidentPlacemark(i, e));
    yield '</Folder>\n';
  }
  yield '</Document>\n</kml>\n';
}
