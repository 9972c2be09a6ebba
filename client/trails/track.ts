import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';
import { type Fix, UnitTrack } from '../../shared/units.js';
import { splitAtJumps } from './segments.js';
import type { TrailPoint } from './trailBook.js';

export { UnitTrack };

/** How far back the selected unit's track reaches. */
export const TRACK_WINDOW_MS = 60 * 60_000;

/**
 * The track with a newer live fix appended and fixes older than `from` dropped; the same array
 * when nothing changed, so the caller knows not to redraw.
 */
export function extendTrack(fixes: readonly Fix[], fix: Fix | null, from: number): readonly Fix[] {
  const last = fixes.at(-1);
  const append = fix !== null && (!last || fix.time > last.time);
  const first = fixes.findIndex((f) => f.time >= from);
  const drop = first === -1 ? fixes.length : first;
  if (!append && drop === 0) return fixes;
  const kept = fixes.slice(drop);
  if (append) kept.push(fix);
  return kept;
}

export interface TrackFeatureProps {
  id: string;
  color: string;
}

/**
 * The selected unit's track as one multi-line, cut before and after each fix flagged as
 * implausible and at any jump no patrol could make.
 */
export function trackToFeatureCollection(
  unitId: string,
  color: string,
  fixes: readonly Fix[],
): FeatureCollection<MultiLineString, TrackFeatureProps> {
  const points: TrailPoint[] = fixes.map((f) => [f.time, f.lon, f.lat]);
  const flagged = (i: number) => fixes[i]?.implausible === true || fixes[i - 1]?.implausible === true;
  const coordinates: Position[][] = splitAtJumps(points, flagged)
    .filter((piece) => piece.length >= 2)
    .map((piece) => piece.map((p) => [p[1], p[2]]));
  const feature: Feature<MultiLineString, TrackFeatureProps> = {
    type: 'Feature',
    geometry: { type: 'MultiLineString', coordinates },
    properties: { id: unitId, color },
  };
  return { type: 'FeatureCollection', features: coordinates.length > 0 ? [feature] : [] };
}
