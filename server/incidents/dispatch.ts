import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { DispatchCandidate } from '../../shared/incidents.js';
import type { Unit, UnitType } from '../../shared/units.js';

/** Average speeds over South Sudan's roads and tracks, km/h, and how much longer a route is than the straight line. */
export const TRAVEL_SPEED_KMH: Record<UnitType, number> = {
  'fpu-vehicle': 35,
  'joint-patrol': 30,
  'ipo-foot': 4,
  'static-post': 0,
};
export const ROUTE_FACTOR = 1.3;

/** A patrol that may be sent: reporting now, not already responding or in SOS, and able to move. */
export function isAvailable(unit: Unit): boolean {
  return (
    unit.last !== null &&
    unit.status === 'live' &&
    (unit.activity === 'on-patrol' || unit.activity === 'at-base') &&
    TRAVEL_SPEED_KMH[unit.type] > 0
  );
}

/**
 * The available patrols, nearest first (great-circle distance), each with a rough arrival time:
 * the distance stretched by the route factor, at the unit type's average speed. The nearest is
 * not always the quickest (a foot patrol 2 km away against a vehicle at 10 km): both are shown.
 *
 * @example rankPatrols(units, { lat: 9.55, lon: 31.66 })[0]?.callsign // the nearest
 */
export function rankPatrols(units: readonly Unit[], at: { lat: number; lon: number }, limit = 10): DispatchCandidate[] {
  const target = point([at.lon, at.lat]);
  const candidates: DispatchCandidate[] = [];
  for (const unit of units) {
    if (!isAvailable(unit) || !unit.last) continue;
    const distanceKm = distance(point([unit.last.lon, unit.last.lat]), target, { units: 'kilometers' });
    candidates.push({
      unitId: unit.id,
      callsign: unit.callsign,
      type: unit.type,
      fieldOffice: unit.fieldOffice,
      activity: unit.activity,
      distanceKm: Math.round(distanceKm * 100) / 100,
      etaMinutes: Math.round(((distanceKm * ROUTE_FACTOR) / TRAVEL_SPEED_KMH[unit.type]) * 60),
    });
  }
  return candidates.sort((a, b) => a.distanceKm - b.distanceKm || a.etaMinutes - b.etaMinutes || a.unitId.localeCompare(b.unitId)).slice(0, limit);
}
