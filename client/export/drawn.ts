import type { MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import { IncidentCategory } from '../../shared/incidents.js';
import { PocStatus } from '../../shared/sites.js';
import { UnitType } from '../../shared/units.js';
import { CORRIDORS, INCIDENTS, SITES, TRAILS, UNITS } from '../map/ids.js';
import { nothingDrawn, type DrawnOnMap } from './legend.js';

/** What the snapshot's extent holds, counted from the features the map drew. */
export interface InView {
  drawn: DrawnOnMap;
  /** incidents drawn, by id */
  incidentIds: string[];
  openIncidents: number;
  units: { total: number; live: number; stale: number; lost: number };
}

const text = (f: MapGeoJSONFeature, key: string): string => {
  const value: unknown = f.properties[key];
  return typeof value === 'string' ? value : '';
};
const flag = (f: MapGeoJSONFeature, key: string): boolean => {
  const value: unknown = f.properties[key];
  return value === true || value === 'true';
};

/** Features of the layers that exist, drawn in the current view; a feature split over tiles counts once. */
function drawnFeatures(map: MapLibreMap, layerIds: readonly string[]): MapGeoJSONFeature[] {
  const layers = layerIds.filter((id) => map.getLayer(id) !== undefined);
  if (layers.length === 0) return [];
  return map.queryRenderedFeatures({ layers });
}

function uniqueBy(features: readonly MapGeoJSONFeature[], key: string): MapGeoJSONFeature[] {
  const seen = new Map<string, MapGeoJSONFeature>();
  for (const f of features) {
    const id = text(f, key) || String(f.id ?? seen.size);
    if (!seen.has(id)) seen.set(id, f);
  }
  return [...seen.values()];
}

/** Reads what the map shows in its current view: the legend and the counts of the snapshot. */
export function readInView(map: MapLibreMap): InView {
  const drawn = nothingDrawn();
  const unitTypes = new Set<UnitType>();
  const categories = new Set<IncidentCategory>();
  const pocStatuses = new Set<PocStatus>();
  const units = { total: 0, live: 0, stale: 0, lost: 0 };

  for (const f of uniqueBy(drawnFeatures(map, [UNITS.marker]), 'id')) {
    const type = UnitType.safeParse(text(f, 'type'));
    if (type.success) unitTypes.add(type.data);
    const activity = text(f, 'activity');
    const status = text(f, 'status');
    units.total += 1;
    if (status === 'stale') units.stale += 1;
    else if (status === 'lost') units.lost += 1;
    else units.live += 1;
    if (activity === 'responding') drawn.responding = true;
    if (activity === 'sos') drawn.sos = true;
    if (status === 'stale') drawn.stale = true;
    if (status === 'lost') drawn.lost = true;
  }
  drawn.trails = drawnFeatures(map, [TRAILS.line, TRAILS.trackLine]).length > 0;

  const incidents = uniqueBy(drawnFeatures(map, [INCIDENTS.marker]), 'id');
  let openIncidents = 0;
  for (const f of incidents) {
    const category = IncidentCategory.safeParse(text(f, 'category'));
    if (category.success) categories.add(category.data);
    const severity = Number(f.properties.severity);
    const done = flag(f, 'done');
    if (!done) openIncidents += 1;
    // The map rings open incidents only.
    if (!done && severity === 4) drawn.critical = true;
    if (!done && severity === 3) drawn.high = true;
    if (done) drawn.finished = true;
    if (flag(f, 'coarsened')) drawn.coarsened = true;
  }

  drawn.headquarters = drawnFeatures(map, [SITES.hqSymbol]).length > 0;
  drawn.fieldOffices = drawnFeatures(map, [SITES.officeSymbol]).length > 0;
  drawn.policeStations = drawnFeatures(map, [SITES.policeSymbol]).length > 0;
  for (const f of drawnFeatures(map, [SITES.pocSymbol, SITES.pocFill])) {
    const status = PocStatus.safeParse(text(f, 'status'));
    if (status.success) pocStatuses.add(status.data);
  }
  for (const f of drawnFeatures(map, [CORRIDORS.line])) {
    if (flag(f, 'active')) drawn.corridorsInSeason = true;
    else drawn.corridorsOutOfSeason = true;
  }

  return {
    drawn: { ...drawn, unitTypes, categories, pocStatuses },
    incidentIds: incidents.map((f) => text(f, 'id')).filter((id) => id !== ''),
    openIncidents,
    units,
  };
}
