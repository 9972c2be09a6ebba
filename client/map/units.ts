import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LonLat } from '../../shared/sites.js';
import type { Activity, LinkStatus, Unit, UnitType } from '../../shared/units.js';
import { seenLabel } from '../format/seen.js';
import { effectiveStatus, type StatusPolicy } from '../state/status.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, UNIT_OUTLINE, UNIT_TYPE_COLOURS } from './palette.js';

/** What each unit marker carries to MapLibre; paint reads these rather than re-deriving them. */
export interface UnitFeatureProps {
  id: string;
  callsign: string;
  type: UnitType;
  activity: Activity;
  status: LinkStatus;
  color: string;
  fillOpacity: number;
  strokeColor: string;
  strokeOpacity: number;
  strokeWidth: number;
  /** degrees from north; meaningful only when showHeading */
  heading: number;
  showHeading: boolean;
  /** metres; 0 when the fix does not say */
  accuracy: number;
  /** draw order and label priority: SOS above responding above the rest */
  rank: number;
  /** "last seen 7 min ago" for a stale unit, "lost · last seen …" for a lost one; empty when live */
  seen: string;
  /** the fix was reached at an impossible speed: drawn with a warning ring */
  implausible: boolean;
}

/** Below this speed a heading is noise, so no arrow is drawn (m/s, ≈ 2 km/h). */
const MOVING_MPS = 0.5;

/** The marker colour: an emergency outranks the unit type; a lost unit is grey. */
export function unitColour(type: UnitType, activity: Activity, status: LinkStatus): string {
  if (status === 'lost') return LOST_COLOUR;
  if (activity === 'sos') return ACTIVITY_COLOURS.sos;
  if (activity === 'responding') return ACTIVITY_COLOURS.responding;
  return UNIT_TYPE_COLOURS[type];
}

function activityRank(activity: Activity): number {
  return activity === 'sos' ? 2 : activity === 'responding' ? 1 : 0;
}

export interface UnitFeatureOptions {
  /** server time now, epoch ms */
  now: number;
  /** per-type thresholds; null until the configuration arrives */
  policy: StatusPolicy;
  /** where to draw the unit this frame (a tween), if not at its last fix */
  positionOf?: (unit: Unit) => LonLat | null;
}

/** One feature per unit with a fix; units that never reported are not drawn. */
export function unitToFeature(unit: Unit, options: UnitFeatureOptions): Feature<Point, UnitFeatureProps> | null {
  const fix = unit.last;
  if (!fix) return null;
  const position = options.positionOf?.(unit) ?? [fix.lon, fix.lat];
  const status = effectiveStatus(unit, options.now, options.policy);
  const lost = status === 'lost';
  const stale = status === 'stale';
  const heading = fix.heading ?? 0;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [position[0], position[1]] },
    properties: {
      id: unit.id,
      callsign: unit.callsign,
      type: unit.type,
      activity: unit.activity,
      status,
      color: unitColour(unit.type, unit.activity, status),
      // Stale: dimmed. Lost: hollow grey ring. Live: solid with a dark edge for contrast.
      fillOpacity: lost ? 0 : stale ? 0.4 : 1,
      strokeColor: lost ? LOST_COLOUR : UNIT_OUTLINE,
      strokeOpacity: stale ? 0.6 : 1,
      strokeWidth: lost ? 2.5 : 1.5,
      heading,
      showHeading: !lost && fix.heading !== undefined && (fix.speed ?? 0) >= MOVING_MPS,
      accuracy: fix.accuracy ?? 0,
      rank: lost ? -1 : activityRank(unit.activity),
      seen: seenLabel(status, fix.time, options.now),
      implausible: fix.implausible === true,
    },
  };
}

/**
 * The units as one FeatureCollection, sorted so emergencies draw last (on top).
 * @example unitsToFeatureCollection(store.units.values(), { now, policy })
 */
export function unitsToFeatureCollection(
  units: Iterable<Unit>,
  options: UnitFeatureOptions,
): FeatureCollection<Point, UnitFeatureProps> {
  const features: Feature<Point, UnitFeatureProps>[] = [];
  for (const unit of units) {
    const feature = unitToFeature(unit, options);
    if (feature) features.push(feature);
  }
  features.sort((a, b) => a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}
