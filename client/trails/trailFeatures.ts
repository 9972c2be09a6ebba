import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import type { Unit } from '../../shared/units.js';
import { UNIT_TYPE_COLOURS } from '../map/palette.js';
import { splitAtJumps } from './segments.js';
import type { TrailPoint } from './trailBook.js';

export interface TrailFeatureProps {
  id: string;
  color: string;
  /** 0 for the newest part of the trail, up to bands − 1 for the oldest: paint fades with it */
  age: number;
}

export interface TrailFeatureOptions {
  /** server time now, epoch ms */
  now: number;
  windowMs: number;
  /** how many steps the fading has */
  bands: number;
}

/** The age band of a moment: 0 for the newest stretch of the window. */
function bandOf(time: number, options: TrailFeatureOptions): number {
  const band = Math.floor(((options.now - time) * options.bands) / options.windowMs);
  return Math.min(options.bands - 1, Math.max(0, band));
}

/**
 * One unit's trail as up to `bands` multi-lines, one per age band, oldest first; each stretch
 * between two fixes takes the band of its older end, so the line fades without gaps.
 */
export function trailToFeatures(
  unitId: string,
  color: string,
  points: readonly TrailPoint[],
  options: TrailFeatureOptions,
): Feature<MultiLineString, TrailFeatureProps>[] {
  const lines: Position[][][] = Array.from({ length: options.bands }, () => []);
  for (const piece of splitAtJumps(points)) {
    let line: Position[] = [];
    let band = -1;
    for (let i = 0; i + 1 < piece.length; i++) {
      const a = piece[i];
      const b = piece[i + 1];
      if (!a || !b) continue;
      const edgeBand = bandOf(a[0], options);
      if (edgeBand !== band) {
        if (line.length >= 2) lines[band]?.push(line);
        line = [[a[1], a[2]]];
        band = edgeBand;
      }
      line.push([b[1], b[2]]);
    }
    if (line.length >= 2) lines[band]?.push(line);
  }
  const features: Feature<MultiLineString, TrailFeatureProps>[] = [];
  for (let age = options.bands - 1; age >= 0; age--) {
    const coordinates = lines[age];
    if (!coordinates || coordinates.length === 0) continue;
    features.push({ type: 'Feature', geometry: { type: 'MultiLineString', coordinates }, properties: { id: unitId, color, age } });
  }
  return features;
}

/**
 * Every known unit's trail, coloured by unit type, the oldest bands first so newer paths draw
 * over older ones. Trails of units no longer on the roster are left out.
 */
export function trailsToFeatureCollection(
  trails: Iterable<[string, readonly TrailPoint[]]>,
  units: ReadonlyMap<string, Unit>,
  options: TrailFeatureOptions,
): FeatureCollection<MultiLineString, TrailFeatureProps> {
  const features: Feature<MultiLineString, TrailFeatureProps>[] = [];
  for (const [unitId, points] of trails) {
    const unit = units.get(unitId);
    if (!unit || points.length < 2) continue;
    features.push(...trailToFeatures(unitId, UNIT_TYPE_COLOURS[unit.type], points, options));
  }
  features.sort((a, b) => b.properties.age - a.properties.age);
  return { type: 'FeatureCollection', features };
}
