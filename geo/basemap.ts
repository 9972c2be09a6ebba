/**
 * Offline base-map layers for the region around South Sudan, cut from world-atlas's Natural
 * Earth TopoJSON (`world-atlas/countries-10m.json`, public domain). Pure code, no I/O: the caller
 * reads the topology and hands it in.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLatBox } from './pack.js';

/** ISO 3166-1 numeric code of South Sudan, the `id` world-atlas gives it (name "S. Sudan"). */
export const SOUTH_SUDAN_COUNTRY_ID = '728';

/** The region the base map covers: South Sudan, its neighbours and their neighbours. */
export const BASEMAP_REGION: LonLatBox = { west: 14, south: -6, east: 45, north: 24 };

/** Four decimals ≈ 11 m, finer than the 10m topology's own grid (≈ 0.0036° × 0.0017°). */
export const BASEMAP_DECIMALS = 4;

export interface CountryProperties {
  name: string;
  isSouthSudan: boolean;
}
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

/** The part of world-atlas `countries-*.json` this module reads. */
export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryGeometry = CountriesTopology['objects']['countries']['geometries'][number];
type CountryPolygonGeometry = TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }>;

export interface BasemapLayers {
  /** country polygons whose extent touches the region, South Sudan flagged */
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
  /** borders shared by two of those countries, as one mesh */
  borders: MultiLineString;
  /** South Sudan's whole boundary as lines (for a bold outline over the fills) */
  southSudanOutline: MultiLineString;
}

export interface BasemapOptions {
  region?: LonLatBox;
  /** decimals kept in every coordinate; fewer means a smaller payload */
  decimals?: number;
}

/**
 * Checks that parsed JSON has the shape of a world-atlas countries topology.
 * @throws {Error} when it does not, saying what is missing
 * @example
 * const topology = asCountriesTopology(JSON.parse(readFileSync(path, 'utf8')));
 */
export function asCountriesTopology(json: unknown): CountriesTopology {
  if (!isRecord(json) || json.type !== 'Topology' || !Array.isArray(json.arcs)) {
    throw new Error('base map: expected a TopoJSON Topology with arcs');
  }
  const countries = isRecord(json.objects) ? json.objects.countries : undefined;
  if (!isRecord(countries) || countries.type !== 'GeometryCollection' || !Array.isArray(countries.geometries)) {
    throw new Error('base map: expected objects.countries to be a GeometryCollection (world-atlas countries-*.json)');
  }
  // The checks above cover what cutBasemap reads; topojson-client decodes the rest.
  return json as unknown as CountriesTopology;
}

/**
 * Parses world-atlas JSON and cuts the base-map layers for the region out of it.
 * @param topology parsed `world-atlas/countries-10m.json` (or the 50m / 110m files)
 * @throws {Error} when the JSON is not a countries topology or lacks South Sudan (id "728")
 * @example
 * const layers = buildBasemap(JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')));
 * layers.countries.features.find((f) => f.properties.isSouthSudan)?.properties.name // 'S. Sudan'
 */
export function buildBasemap(topology: unknown, options: BasemapOptions = {}): BasemapLayers {
  return cutBasemap(asCountriesTopology(topology), options);
}

/**
 * Cuts the base-map layers for the region out of an already typed world topology.
 * @throws {Error} when South Sudan (id "728") is not in the region
 * @example
 * cutBasemap(topology, { decimals: 3 }).borders.type // 'MultiLineString'
 */
export function cutBasemap(topology: CountriesTopology, options: BasemapOptions = {}): BasemapLayers {
  const region = options.region ?? BASEMAP_REGION;
  const decimals = options.decimals ?? BASEMAP_DECIMALS;
  const selected = topology.objects.countries.geometries
    .filter(isCountryPolygon)
    .map((geometry) => ({ geometry, decoded: decodeCountry(topology, geometry) }))
    .filter(({ decoded }) => touchesBox(decoded.geometry, region));
  const southSudan = selected.find(({ geometry }) => String(geometry.id) === SOUTH_SUDAN_COUNTRY_ID);
  if (southSudan === undefined) {
    throw new Error(`base map: South Sudan (id "${SOUTH_SUDAN_COUNTRY_ID}") not found in the region`);
  }
  const geometries = selected.map(({ geometry }) => geometry);
  return {
    countries: {
      type: 'FeatureCollection',
      features: selected.map(({ decoded }) => roundFeature(decoded, decimals)),
    },
    borders: roundLines(mesh(topology, { type: 'GeometryCollection', geometries }, (a, b) => a !== b), decimals),
    southSudanOutline: roundLines(mesh(topology, southSudan.geometry), decimals),
  };
}

function isCountryPolygon(geometry: CountryGeometry): geometry is CountryPolygonGeometry {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

/** Decodes one country to GeoJSON with the properties the map needs. */
function decodeCountry(topology: CountriesTopology, geometry: CountryPolygonGeometry): CountryFeature {
  // Two calls so TypeScript picks the Polygon and the MultiPolygon overloads of `feature`.
  const decoded = geometry.type === 'Polygon' ? feature(topology, geometry) : feature(topology, geometry);
  const name = geometry.properties?.name ?? String(geometry.id ?? 'unknown');
  const properties: CountryProperties = { name, isSouthSudan: String(geometry.id) === SOUTH_SUDAN_COUNTRY_ID };
  const country: CountryFeature = { type: 'Feature', properties, geometry: decoded.geometry };
  return decoded.id === undefined ? country : { ...country, id: decoded.id };
}

/**
 * Whether any polygon of the geometry has an outer-ring extent that overlaps the box. Testing
 * per polygon (not per country) keeps countries split at the antimeridian, such as the USA and
 * Russia, from spanning every longitude.
 * @example
 * touchesBox({ type: 'Polygon', coordinates: [[[30, 5], [31, 5], [31, 6], [30, 5]]] }, BASEMAP_REGION) // true
 */
export function touchesBox(geometry: Polygon | MultiPolygon, box: LonLatBox): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => {
    const outer = rings[0] ?? [];
    const lons = outer.map((position) => position[0] ?? Number.NaN);
    const lats = outer.map((position) => position[1] ?? Number.NaN);
    return (
      Math.min(...lons) <= box.east &&
      Math.max(...lons) >= box.west &&
      Math.min(...lats) <= box.north &&
      Math.max(...lats) >= box.south
    );
  });
}

/**
 * Rounds every coordinate and drops the repeats rounding creates; rings that collapse below
 * four positions are dropped, and polygons whose outer ring collapsed with them.
 */
function roundFeature(country: CountryFeature, decimals: number): CountryFeature {
  const roundPolygon = (rings: Position[][]): Position[][] | null => {
    const kept = rings.map((ring) => roundPath(ring, decimals));
    const outer = kept[0];
    if (outer === undefined || outer.length < 4) return null;
    return kept.filter((ring) => ring.length >= 4);
  };
  const geometry = country.geometry;
  const rounded: Polygon | MultiPolygon =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: roundPolygon(geometry.coordinates) ?? geometry.coordinates }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(roundPolygon).filter(isPresent) };
  return { ...country, geometry: rounded };
}

function roundLines(lines: MultiLineString, decimals: number): MultiLineString {
  return {
    type: 'MultiLineString',
    coordinates: lines.coordinates.map((line) => roundPath(line, decimals)).filter((line) => line.length >= 2),
  };
}

/**
 * Rounds a path's positions to `decimals` and removes consecutive duplicates.
 * @example
 * roundPath([[1.00001, 2], [1.00002, 2], [3, 4]], 4) // [[1, 2], [3, 4]]
 */
export function roundPath(path: readonly Position[], decimals: number): Position[] {
  const factor = 10 ** decimals;
  const round = (value: number): number => Math.round(value * factor) / factor;
  const out: Position[] = [];
  for (const position of path) {
    const next = position.map(round);
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === next[0] && last[1] === next[1]) continue;
    out.push(next);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
