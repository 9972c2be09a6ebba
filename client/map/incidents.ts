import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { IncidentSummary } from '../../shared/incidents.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, DONE_STATUSES } from '../incidents/categories.js';

/** The radius drawn round a coarsened (need-to-know) location: the true point is somewhere inside. */
export const COARSE_RADIUS_M = 2_000;
const RING_VERTICES = 48;
const EARTH_RADIUS_M = 6_371_008.8;

export interface IncidentProperties {
  kind: 'incident';
  id: string;
  category: string;
  code: string;
  colour: string;
  severity: number;
  status: string;
  /** resolved, closed or a false report: drawn faint */
  done: boolean;
  coarsened: boolean;
  title: string;
}

/**
 * A circle of `radiusM` metres round a point as a polygon, on a sphere (good to well under 1 %
 * at 2 km), closed as GeoJSON wants.
 */
export function circlePolygon(lon: number, lat: number, radiusM: number, vertices = RING_VERTICES): Polygon {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++) {
    const a = (2 * Math.PI * i) / vertices;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

function propertiesOf(i: IncidentSummary): IncidentProperties {
  return {
    kind: 'incident',
    id: i.id,
    category: i.category,
    code: CATEGORY_CODE[i.category],
    colour: CATEGORY_COLOUR[i.category],
    severity: i.severity,
    status: i.status,
    done: DONE_STATUSES.has(i.status),
    coarsened: i.locationCoarsened,
    title: i.title,
  };
}

/**
 * One point per incident, the most severe drawn last (on top), open ones above finished ones.
 */
export function incidentPoints(incidents: Iterable<IncidentSummary>): FeatureCollection<Point, IncidentProperties> {
  const features: Feature<Point, IncidentProperties>[] = [];
  for (const i of incidents) {
    features.push({ type: 'Feature', id: i.id, geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] }, properties: propertiesOf(i) });
  }
  const weight = (p: IncidentProperties) => (p.done ? 0 : 10) + p.severity;
  features.sort((a, b) => weight(a.properties) - weight(b.properties));
  return { type: 'FeatureCollection', features };
}

/** The "somewhere in here" areas round coarsened incidents. */
export function coarseAreas(incidents: Iterable<IncidentSummary>): FeatureCollection<Polygon, IncidentProperties> {
  const features: Feature<Polygon, IncidentProperties>[] = [];
  for (const i of incidents) {
    if (!i.locationCoarsened) continue;
    features.push({ type: 'Feature', geometry: circlePolygon(i.location.lon, i.location.lat, COARSE_RADIUS_M), properties: propertiesOf(i) });
  }
  return { type: 'FeatureCollection', features };
}
