import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { CountryProps } from '../http/basemap.js';
import type { Lang } from '../i18n/lang.js';

export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * The neighbours' names in French, as the base map (Natural Earth) spells them in English; a
 * name not listed is drawn as it comes.
 */
export const COUNTRY_NAME_FR: Readonly<Record<string, string>> = {
  Sudan: 'Soudan',
  Chad: 'Tchad',
  Ethiopia: 'Éthiopie',
  Eritrea: 'Érythrée',
  Kenya: 'Kenya',
  Uganda: 'Ouganda',
  'Central African Rep.': 'Rép. centrafricaine',
  'Dem. Rep. Congo': 'RD Congo',
  Congo: 'Congo',
  Cameroon: 'Cameroun',
  Rwanda: 'Rwanda',
  Burundi: 'Burundi',
  Tanzania: 'Tanzanie',
  Somalia: 'Somalie',
  Somaliland: 'Somaliland',
  Djibouti: 'Djibouti',
  Egypt: 'Égypte',
  Libya: 'Libye',
  Niger: 'Niger',
  Nigeria: 'Nigeria',
};

/** What the country-name layer draws in a language: the feature's `name` or `nameFr`, in capitals. */
export const countryLabelField = (lang: Lang): ExpressionSpecification => ['upcase', ['get', lang === 'fr' ? 'nameFr' : 'name']];

/** The area around South Sudan whose neighbours get a name on the map. */
export const LABEL_REGION: LonLatBox = { west: 21, south: 0.7, east: 38.1, north: 15 };

const isArea = (f: Feature<Geometry, CountryProps>): f is Feature<Polygon | MultiPolygon, CountryProps> =>
  f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';

/**
 * One label point per neighbouring country, in the middle of the part of it that lies in the
 * region, and inside it. MapLibre would otherwise label a polygon once per tile it crosses,
 * and at the polygon's far-away centre.
 * @example countryLabelPoints(basemap.countries).features[0]?.properties.name // 'Sudan'
 */
export function countryLabelPoints(
  countries: FeatureCollection<Geometry, CountryProps>,
  region: LonLatBox = LABEL_REGION,
  step = 0.5,
): FeatureCollection<Point, { name: string; nameFr: string }> {
  const features: Feature<Point, { name: string; nameFr: string }>[] = [];
  for (const country of countries.features) {
    if (country.properties.isSouthSudan || !isArea(country)) continue;
    const [w, s, e, n] = bbox(country);
    const inside: [number, number][] = [];
    for (let lon = Math.max(region.west, w); lon <= Math.min(region.east, e); lon += step) {
      for (let lat = Math.max(region.south, s); lat <= Math.min(region.north, n); lat += step) {
        if (booleanPointInPolygon([lon, lat], country)) inside.push([lon, lat]);
      }
    }
    if (inside.length === 0) continue;
    const meanLon = inside.reduce((sum, p) => sum + p[0], 0) / inside.length;
    const meanLat = inside.reduce((sum, p) => sum + p[1], 0) / inside.length;
    let best = inside[0] ?? [meanLon, meanLat];
    let bestD = Infinity;
    for (const p of inside) {
      const d = (p[0] - meanLon) ** 2 + (p[1] - meanLat) ** 2;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: best }, properties: { name: country.properties.name, nameFr: COUNTRY_NAME_FR[country.properties.name] ?? country.properties.name } });
  }
  return { type: 'FeatureCollection', features };
}
