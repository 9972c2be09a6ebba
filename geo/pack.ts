/**
 * The mission pack: validation of the GeoJSON layers in `geo/pack/`.
 *
 * Pure code, no I/O: the caller reads the files (see `PACK_FILES`) and hands the parsed JSON to
 * `parsePack`. Every problem names the file, the feature (index and id) and the field, so a GIS
 * officer who edited a file by hand can find the mistake.
 */
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { lineString } from '@turf/helpers';
import type { z } from 'zod';
import { jsonProblem } from '../shared/json-guard.js';
import {
  FieldOfficeId,
  MissionPack,
  SOUTH_SUDAN_PADDED_BBOX,
  type LonLat,
  type PackLayerName,
} from '../shared/sites.js';

/** Layer name → file name inside `geo/pack/`. */
export const PACK_FILES = {
  headquarters: 'headquarters.geojson',
  'field-offices': 'field-offices.geojson',
  'poc-sites': 'poc-sites.geojson',
  'police-stations': 'police-stations.geojson',
  corridors: 'corridors.geojson',
} as const satisfies Record<PackLayerName, string>;

/** Layer name → key of the parsed `MissionPack`. */
export const PACK_KEYS = {
  headquarters: 'headquarters',
  'field-offices': 'fieldOffices',
  'poc-sites': 'pocSites',
  'police-stations': 'policeStations',
  corridors: 'corridors',
} as const satisfies Record<PackLayerName, keyof MissionPack>;

/** The layers in the order they are read, validated and reported. */
export const PACK_LAYER_NAMES: readonly PackLayerName[] = [
  'headquarters',
  'field-offices',
  'poc-sites',
  'police-stations',
  'corridors',
];

/** Id of the police station the cattle corridors meet at. */
export const KAYANGO_STATION_ID = 'kayango';
/** How many corridors meet at Kayango (UNMISS, 28 May 2024). */
export const KAYANGO_CORRIDOR_COUNT = 4;
/** A corridor "meets" the station when its line passes within this distance of the point. */
export const MEETING_TOLERANCE_M = 10;

/** A west/south/east/north box in degrees. */
export interface LonLatBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** One thing wrong with the pack, located as precisely as possible. */
export interface PackProblem {
  /** file name inside `geo/pack/` */
  file: string;
  /** index in the file's `features` array, when the problem belongs to one feature */
  featureIndex?: number;
  /** `properties.id` of that feature, when it has one */
  featureId?: string;
  /** the property path inside the feature (or the collection), e.g. `properties.source` */
  field: string;
  message: string;
}

/** How many problems the message of a `PackValidationError` lists; `problems` keeps them all. */
export const MAX_LISTED_PROBLEMS = 50;

/** Thrown by `parsePack`; `problems` keeps the structured list, `message` lists the first ones. */
export class PackValidationError extends Error {
  readonly problems: readonly PackProblem[];

  constructor(problems: readonly PackProblem[]) {
    // The first problems are enough to start on; a runaway file must not make a runaway message.
    const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${formatPackProblem(problem)}`);
    if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    super(`Mission pack is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'PackValidationError';
    this.problems = problems;
  }
}

/**
 * One line for a problem: file, feature, field, message.
 * @example
 * formatPackProblem({ file: 'poc-sites.geojson', featureIndex: 2, featureId: 'malakal-poc',
 *   field: 'properties.source', message: 'Invalid input' })
 * // 'poc-sites.geojson: feature 2 (id "malakal-poc"), properties.source: Invalid input'
 */
export function formatPackProblem(problem: PackProblem): string {
  const feature =
    problem.featureIndex === undefined
      ? ''
      : ` feature ${problem.featureIndex}${problem.featureId === undefined ? '' : ` (id "${problem.featureId}")`},`;
  return `${problem.file}:${feature} ${problem.field}: ${problem.message}`;
}

/**
 * Validates the five layers against the zod schemas in `shared/sites.ts`, then runs the checks
 * the schemas cannot express (`PACK_CHECKS`).
 * @throws {PackValidationError} naming file, feature index/id and field of every problem found
 * @example
 * const pack = parsePack({ headquarters: json1, 'field-offices': json2, 'poc-sites': json3,
 *   'police-stations': json4, corridors: json5 });
 */
export function parsePack(raw: Record<PackLayerName, unknown>): MissionPack {
  // A hostile file (prototype keys, absurd nesting, broken characters) is refused for what it is.
  const unsafe = PACK_LAYER_NAMES.flatMap((layer): PackProblem[] => {
    const problem = jsonProblem(raw[layer]);
    return problem === null ? [] : [{ file: PACK_FILES[layer], field: problem.path || '(collection)', message: problem.message }];
  });
  if (unsafe.length > 0) throw new PackValidationError(unsafe);
  const parsed = MissionPack.safeParse(assemblePack(raw));
  if (!parsed.success) {
    throw new PackValidationError(parsed.error.issues.map((issue) => problemFromIssue(issue, raw)));
  }
  const problems = PACK_CHECKS.flatMap((check) => check(parsed.data));
  if (problems.length > 0) throw new PackValidationError(problems);
  return parsed.data;
}

/** Rearranges the layers (keyed by file layer name) into the `MissionPack` shape. */
function assemblePack(raw: Record<PackLayerName, unknown>): Record<keyof MissionPack, unknown> {
  return {
    headquarters: raw.headquarters,
    fieldOffices: raw['field-offices'],
    pocSites: raw['poc-sites'],
    policeStations: raw['police-stations'],
    corridors: raw.corridors,
  };
}

/**
 * Turns a zod issue on the assembled pack into a located problem: the first path element is
 * the layer, `features.N` is the feature, the rest is the field.
 * @example
 * // issue.path ['pocSites', 'features', 1, 'properties', 'source'] →
 * // { file: 'poc-sites.geojson', featureIndex: 1, featureId: 'bentiu-poc', field: 'properties.source', … }
 */
export function problemFromIssue(issue: z.core.$ZodIssue, raw: Record<PackLayerName, unknown>): PackProblem {
  const [packKey, ...rest] = issue.path;
  const layer = PACK_LAYER_NAMES.find((name) => PACK_KEYS[name] === packKey);
  if (layer === undefined) return { file: '(mission pack)', field: formatPath(issue.path), message: issue.message };
  const file = PACK_FILES[layer];
  const featureIndex = rest[0] === 'features' && typeof rest[1] === 'number' ? rest[1] : undefined;
  const fieldPath = featureIndex === undefined ? rest : rest.slice(2);
  const problem: PackProblem = { file, field: formatPath(fieldPath), message: issue.message };
  if (featureIndex === undefined) return problem;
  const featureId = rawFeatureId(raw[layer], featureIndex);
  return featureId === undefined ? { ...problem, featureIndex } : { ...problem, featureIndex, featureId };
}

/** `['geometry', 'coordinates', 0]` → `geometry.coordinates[0]`; an empty path is the whole collection. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(collection)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Reads `features[index].properties.id` from unvalidated JSON, if it is a string. */
function rawFeatureId(collection: unknown, index: number): string | undefined {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return undefined;
  const feature: unknown = collection.features[index];
  if (!isRecord(feature) || !isRecord(feature.properties)) return undefined;
  const id = feature.properties.id;
  return typeof id === 'string' ? id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A feature of any layer with its place in the pack. */
export interface LocatedFeature {
  layer: PackLayerName;
  file: string;
  index: number;
  id: string;
  /** every vertex with its field path, e.g. `geometry.coordinates[2]` */
  vertices: { field: string; position: LonLat }[];
}

/**
 * Every feature of the pack, layer by layer in `PACK_FILES` order, with its vertices.
 * @example
 * packFeatures(pack).filter((f) => f.layer === 'corridors').length // 17
 */
export function packFeatures(pack: MissionPack): LocatedFeature[] {
  return PACK_LAYER_NAMES.flatMap((layer) =>
    pack[PACK_KEYS[layer]].features.map((feature, index): LocatedFeature => {
      const geometry = feature.geometry;
      const vertices =
        geometry.type === 'Point'
          ? [{ field: 'geometry.coordinates', position: geometry.coordinates }]
          : geometry.coordinates.map((position, i) => ({ field: `geometry.coordinates[${i}]`, position }));
      return { layer, file: PACK_FILES[layer], index, id: feature.properties.id, vertices };
    }),
  );
}

/**
 * Whether a [lon, lat] position lies inside a box (edges included).
 * @example
 * isInsideBox([31.6, 4.85], SOUTH_SUDAN_PADDED_BBOX) // true (Juba)
 * isInsideBox([4.85, 31.6], SOUTH_SUDAN_PADDED_BBOX) // false (Juba written [lat, lon])
 */
export function isInsideBox([lon, lat]: LonLat, box: LonLatBox): boolean {
  return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}

/**
 * Every vertex outside South Sudan's padded bounding box. When the swapped pair would be
 * inside, the message says the coordinate was probably written [lat, lon].
 * @example
 * coordinatesOutsideBox(pack) // [] for the shipped pack
 */
export function coordinatesOutsideBox(pack: MissionPack, box: LonLatBox = SOUTH_SUDAN_PADDED_BBOX): PackProblem[] {
  return packFeatures(pack).flatMap((feature) =>
    feature.vertices
      .filter((vertex) => !isInsideBox(vertex.position, box))
      .map((vertex): PackProblem => {
        const [lon, lat] = vertex.position;
        const hint = isInsideBox([lat, lon], box) ? ' — it looks like [lat, lon]; GeoJSON wants [lon, lat]' : '';
        return {
          file: feature.file,
          featureIndex: feature.index,
          featureId: feature.id,
          field: vertex.field,
          message: `[${lon}, ${lat}] is outside South Sudan's padded bounding box (lon ${box.west.toFixed(3)}–${box.east.toFixed(3)}, lat ${box.south.toFixed(3)}–${box.north.toFixed(3)})${hint}`,
        };
      }),
  );
}

/**
 * Ids used more than once anywhere in the pack; each repeat is reported where it occurs.
 * @example
 * duplicateIds(pack) // [] for the shipped pack
 */
export function duplicateIds(pack: MissionPack): PackProblem[] {
  const firstSeen = new Map<string, LocatedFeature>();
  const problems: PackProblem[] = [];
  for (const feature of packFeatures(pack)) {
    const first = firstSeen.get(feature.id);
    if (first === undefined) {
      firstSeen.set(feature.id, feature);
      continue;
    }
    problems.push({
      file: feature.file,
      featureIndex: feature.index,
      featureId: feature.id,
      field: 'properties.id',
      message: `id "${feature.id}" is already used by ${first.file} feature ${first.index}; ids must be unique across the pack`,
    });
  }
  return problems;
}

/**
 * Every one of the eleven field offices (`FieldOfficeId`) must appear exactly once.
 * @example
 * fieldOfficeProblems(pack) // [] for the shipped pack
 */
export function fieldOfficeProblems(pack: MissionPack): PackProblem[] {
  const file = PACK_FILES['field-offices'];
  const ids = pack.fieldOffices.features.map((feature) => feature.properties.id);
  return FieldOfficeId.options.flatMap((office): PackProblem[] => {
    const count = ids.filter((id) => id === office).length;
    if (count === 1) return [];
    const message =
      count === 0 ? `field office "${office}" is missing` : `field office "${office}" appears ${count} times`;
    return [{ file, field: 'properties.id', message }];
  });
}

/**
 * Shortest distance in metres from a point to a polyline (geodesic, via turf).
 * @example
 * distanceToLineM([28.25, 7.75], [[28.1, 8.53], [28.25, 7.75]]) // 0
 */
export function distanceToLineM(point: LonLat, line: readonly LonLat[]): number {
  const nearest = nearestPointOnLine(lineString(line.map(([lon, lat]) => [lon, lat])), point, { units: 'meters' });
  return nearest.properties.pointDistance;
}

/**
 * The Kayango corridor rule: exactly `KAYANGO_CORRIDOR_COUNT` corridors carry
 * `meetsAtKayango: true`, each of them touches the station within `toleranceM`, and no other
 * corridor touches it.
 * @example
 * kayangoCorridorProblems(pack) // [] for the shipped pack
 */
export function kayangoCorridorProblems(pack: MissionPack, toleranceM: number = MEETING_TOLERANCE_M): PackProblem[] {
  const station = pack.policeStations.features.find((feature) => feature.properties.id === KAYANGO_STATION_ID);
  if (station === undefined) {
    return [
      {
        file: PACK_FILES['police-stations'],
        field: 'properties.id',
        message: `no police station with id "${KAYANGO_STATION_ID}"; the corridors that meet there cannot be checked`,
      },
    ];
  }
  const file = PACK_FILES.corridors;
  const stationAt = station.geometry.coordinates;
  const problems: PackProblem[] = [];
  pack.corridors.features.forEach((corridor, featureIndex) => {
    const { id, meetsAtKayango } = corridor.properties;
    const distanceM = distanceToLineM(stationAt, corridor.geometry.coordinates);
    const touches = distanceM <= toleranceM;
    if (meetsAtKayango && !touches) {
      problems.push({
        file,
        featureIndex,
        featureId: id,
        field: 'geometry.coordinates',
        message: `meetsAtKayango is true but the line passes ${Math.round(distanceM)} m from the Kayango station [${stationAt.join(', ')}]; end it exactly at that coordinate`,
      });
    }
    if (!meetsAtKayango && touches) {
      problems.push({
        file,
        featureIndex,
        featureId: id,
        field: 'properties.meetsAtKayango',
        message: 'the line touches the Kayango station but meetsAtKayango is false',
      });
    }
  });
  const flagged = pack.corridors.features.filter((corridor) => corridor.properties.meetsAtKayango);
  if (flagged.length !== KAYANGO_CORRIDOR_COUNT) {
    const ids = flagged.map((corridor) => corridor.properties.id).join(', ');
    problems.push({
      file,
      field: 'properties.meetsAtKayango',
      message: `exactly ${KAYANGO_CORRIDOR_COUNT} corridors must meet at Kayango, but ${flagged.length} are flagged (${ids})`,
    });
  }
  return problems;
}

/** The checks `parsePack` runs after the schemas pass, in order. */
export const PACK_CHECKS: readonly ((pack: MissionPack) => PackProblem[])[] = [
  (pack) => coordinatesOutsideBox(pack),
  duplicateIds,
  fieldOfficeProblems,
  (pack) => kayangoCorridorProblems(pack),
];
