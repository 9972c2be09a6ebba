import { z } from 'zod';

/** The eleven UNMISS field offices where UNPOL is present. */
export const FieldOfficeId = z.enum([
  'aweil',
  'bentiu',
  'bor',
  'juba',
  'kuajok',
  'malakal',
  'rumbek',
  'torit',
  'yambio',
  'wau',
  'pibor',
]);
export type FieldOfficeId = z.infer<typeof FieldOfficeId>;

/**
 * How far a coordinate can be trusted (see the mission pack README):
 * surveyed ≈ tens of metres, town ≈ 1 km, approximate ≈ a few km, indicative = schematic only.
 */
export const Accuracy = z.enum(['surveyed', 'town', 'approximate', 'indicative']);
export type Accuracy = z.infer<typeof Accuracy>;

export const SiteKind = z.enum(['headquarters', 'field-office', 'poc-site', 'police-station', 'corridor']);
export type SiteKind = z.infer<typeof SiteKind>;

/** [lon, lat] — GeoJSON order. */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LonLat = z.infer<typeof LonLat>;

const PointGeometry = z.object({ type: z.literal('Point'), coordinates: LonLat });
/** Corridors are indicative lines of tens of vertices; a file far beyond that is refused before it is read point by point. */
export const MAX_LINE_VERTICES = 10_000;
/** Features in one layer file, likewise. */
export const MAX_LAYER_FEATURES = 5_000;

// The length is checked before the items (`z.unknown()` first), so a huge array costs one issue, not one per item.
const LineGeometry = z.object({
  type: z.literal('LineString'),
  coordinates: z
    .array(z.unknown())
    .max(MAX_LINE_VERTICES, `at most ${MAX_LINE_VERTICES.toLocaleString('en')} vertices in a line; simplify it`)
    .pipe(z.array(LonLat).min(2)),
});

/** A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

const Common = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  source: z.string().min(3),
  accuracy: Accuracy,
  notes: z.string().optional(),
};

export const HeadquartersProps = z.object({
  ...Common,
  kind: z.literal('headquarters'),
  fieldOffice: FieldOfficeId,
});

export const FieldOfficeProps = z.object({
  ...Common,
  kind: z.literal('field-office'),
  id: FieldOfficeId,
  /** state or administrative area the office serves */
  state: z.string().min(1),
});

export const PopulationCount = z.object({
  count: z.number().int().positive(),
  date: PartialDate,
  source: z.string().min(3),
});

export const PocStatus = z.enum(['poc-site', 'idp-camp', 'handed-over']);
export type PocStatus = z.infer<typeof PocStatus>;

export const PocSiteProps = z.object({
  ...Common,
  kind: z.literal('poc-site'),
  fieldOffice: FieldOfficeId,
  status: PocStatus,
  /** when the present status began */
  statusSince: PartialDate,
  statusNote: z.string().optional(),
  /** approximate radius of the site's footprint around the anchor, metres */
  radiusM: z.number().positive().max(5_000),
  population: z.array(PopulationCount).min(1),
});

export const PoliceStationProps = z.object({
  ...Common,
  kind: z.literal('police-station'),
  fieldOffice: FieldOfficeId,
  description: z.string().min(1),
});

export const Month = z.number().int().min(1).max(12);

export const CorridorProps = z.object({
  ...Common,
  kind: z.literal('corridor'),
  accuracy: z.literal('indicative'),
  /** migration season, months inclusive; may wrap the year end (from 12 to 5) */
  season: z.object({ from: Month, to: Month }),
  /** the direction herds move in the dry season, in words */
  direction: z.string().min(1),
  evidence: z.string().min(3),
  /** whether this corridor is one of the four that meet at the Kayango police station */
  meetsAtKayango: z.boolean(),
});

const feature = <P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) =>
  z.object({ type: z.literal('Feature'), properties, geometry });

export const HeadquartersFeature = feature(HeadquartersProps, PointGeometry);
export const FieldOfficeFeature = feature(FieldOfficeProps, PointGeometry);
export const PocSiteFeature = feature(PocSiteProps, PointGeometry);
export const PoliceStationFeature = feature(PoliceStationProps, PointGeometry);
export const CorridorFeature = feature(CorridorProps, LineGeometry);

export type HeadquartersFeature = z.infer<typeof HeadquartersFeature>;
export type FieldOfficeFeature = z.infer<typeof FieldOfficeFeature>;
export type PocSiteFeature = z.infer<typeof PocSiteFeature>;
export type PoliceStationFeature = z.infer<typeof PoliceStationFeature>;
export type CorridorFeature = z.infer<typeof CorridorFeature>;

const collection = <F extends z.ZodType>(f: F) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).max(MAX_LAYER_FEATURES, `at most ${MAX_LAYER_FEATURES.toLocaleString('en')} features in a layer`).pipe(z.array(f)) });

/** One schema per layer file in `geo/pack/`. */
export const PackLayers = {
  headquarters: collection(HeadquartersFeature),
  'field-offices': collection(FieldOfficeFeature),
  'poc-sites': collection(PocSiteFeature),
  'police-stations': collection(PoliceStationFeature),
  corridors: collection(CorridorFeature),
} as const;
export type PackLayerName = keyof typeof PackLayers;

/** The mission pack as `GET /api/sites` returns it. */
export const MissionPack = z.object({
  headquarters: PackLayers.headquarters,
  fieldOffices: PackLayers['field-offices'],
  pocSites: PackLayers['poc-sites'],
  policeStations: PackLayers['police-stations'],
  corridors: PackLayers.corridors,
});
export type MissionPack = z.infer<typeof MissionPack>;

/** South Sudan's bounding box (Natural Earth) padded by 0.3° for undetermined borders. */
export const SOUTH_SUDAN_PADDED_BBOX = {
  west: 23.887 - 0.3,
  south: 3.509 - 0.3,
  east: 35.298 + 0.3,
  north: 12.248 + 0.3,
} as const;

/**
 * Why a reported position cannot lie in the mission area, or null when it can: a fix or an
 * incident outside South Sudan's padded box is a fault (no GPS fix: 0,0; lat and lon swapped).
 * @example
 * outsideMissionArea(4.85, 31.6) // null (Juba)
 * outsideMissionArea(31.6, 4.85) // '… is outside the mission area (…); lat and lon look swapped'
 */
export function outsideMissionArea(lat: number, lon: number): string | null {
  const box = SOUTH_SUDAN_PADDED_BBOX;
  const inside = (y: number, x: number) => y >= box.south && y <= box.north && x >= box.west && x <= box.east;
  if (inside(lat, lon)) return null;
  const area = `South Sudan and its borders: lat ${box.south.toFixed(3)} to ${box.north.toFixed(3)}, lon ${box.west.toFixed(3)} to ${box.east.toFixed(3)}`;
  return `lat ${lat}, lon ${lon} is outside the mission area (${area})${inside(lon, lat) ? '; lat and lon look swapped' : ''}`;
}
