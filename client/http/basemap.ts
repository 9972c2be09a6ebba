import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { z } from 'zod';

/**
 * The offline base map from `GET /api/basemap` (plain JSON, not a Reply): country polygons,
 * shared borders and South Sudan's outline. Parsed tolerantly — borders and outline may come
 * as a Feature or a FeatureCollection — and normalised to FeatureCollections for MapLibre.
 */

const Position = z.array(z.number()).min(2);
const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) });
const MultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) });
const LineString = z.object({ type: z.literal('LineString'), coordinates: z.array(Position) });
const MultiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position)) });
const Shape = z.union([Polygon, MultiPolygon, LineString, MultiLineString]);

const CountryProps = z.object({ name: z.string(), isSouthSudan: z.boolean() });
export type CountryProps = z.infer<typeof CountryProps>;

const Country = z.object({
  type: z.literal('Feature'),
  properties: CountryProps,
  geometry: z.union([Polygon, MultiPolygon]),
});

const AnyProps = z.record(z.string(), z.unknown()).nullish().transform((p) => p ?? {});

const ShapeFeature = z.object({ type: z.literal('Feature'), properties: AnyProps, geometry: Shape });
const ShapeCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(ShapeFeature) });
const FeatureOrCollection = z.union([ShapeCollection, ShapeFeature, Shape]);

export const BasemapResponse = z.object({
  countries: z.object({ type: z.literal('FeatureCollection'), features: z.array(Country) }),
  borders: FeatureOrCollection,
  southSudanOutline: FeatureOrCollection,
});

export interface Basemap {
  countries: FeatureCollection<Geometry, CountryProps>;
  borders: FeatureCollection;
  southSudanOutline: FeatureCollection;
}

type Loose = z.infer<typeof FeatureOrCollection>;

function asCollection(value: Loose): FeatureCollection {
  if (value.type === 'FeatureCollection') return value;
  if (value.type === 'Feature') return { type: 'FeatureCollection', features: [value] };
  const feature: Feature = { type: 'Feature', properties: {}, geometry: value };
  return { type: 'FeatureCollection', features: [feature] };
}

/** Parses the response body; throws a zod error when it is not a base map. */
export function parseBasemap(body: unknown): Basemap {
  const raw = BasemapResponse.parse(body);
  return {
    countries: raw.countries,
    borders: asCollection(raw.borders),
    southSudanOutline: asCollection(raw.southSudanOutline),
  };
}

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };
