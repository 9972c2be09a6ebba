/**
 * Conservative lon/lat boxes around a point or a box, for the bounding-box pass before the exact
 * turf test. "Conservative" means every point within the distance (on turf's sphere) is inside
 * the box; the box may be a little larger.
 */
import { earthRadius } from '@turf/helpers';
import type { LonLat } from '../../shared/sites.js';

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

const EARTH_RADIUS_KM = earthRadius / 1000;
const DEG = 180 / Math.PI;
/** Relative and absolute slack against rounding in the trigonometry below. */
const REL_SLACK = 1e-9;
const ABS_SLACK_RAD = 1e-12;

/**
 * Pads a box by a distance. Latitude: the meridian distance never exceeds the great-circle
 * distance. Longitude: from the haversine formula, sin(Δλ/2) ≤ sin(c/2) / cos φmax, with φmax the
 * largest latitude a point within reach can have.
 * @example
 * padBoxKm([31.65, 9.55, 31.65, 9.55], 5) // ≈ [31.604, 9.505, 31.696, 9.595]
 */
export function padBoxKm([west, south, east, north]: Box, km: number): Box {
  const c = (Math.max(0, km) / EARTH_RADIUS_KM) * (1 + REL_SLACK) + ABS_SLACK_RAD;
  const dLat = c * DEG;
  const phiMax = Math.min(Math.PI / 2, (Math.max(Math.abs(south), Math.abs(north)) / DEG) + c);
  const ratio = Math.sin(c / 2) / Math.cos(phiMax);
  // Near a pole every longitude is within reach; South Sudan is nowhere near one.
  const dLon = !(ratio < 1) ? 360 : 2 * Math.asin(ratio) * DEG;
  return [west - dLon, Math.max(-90, south - dLat), east + dLon, Math.min(90, north + dLat)];
}

/**
 * The box holding every point within `km` of a point.
 * @example
 * boxAroundKm([31.65, 9.55], 0) // ≈ [31.65, 9.55, 31.65, 9.55]
 */
export function boxAroundKm([lon, lat]: LonLat, km: number): Box {
  return padBoxKm([lon, lat, lon, lat], km);
}

/**
 * How far (km) a great-circle segment of this length can bulge out of its vertices' box at
 * latitude φ: about L²·tan φ / 8R, taken with tan φ ≥ 1 to stay generous. turf measures distance
 * to a line along great circles, so the box of a corridor is widened by this much.
 * @example
 * greatCircleBulgeKm(140, 7) // ≈ 0.38
 */
export function greatCircleBulgeKm(segmentKm: number, latDeg: number): number {
  const tan = Math.max(1, Math.abs(Math.tan(Math.min(89, Math.abs(latDeg)) / DEG)));
  return (segmentKm * segmentKm * tan) / (8 * EARTH_RADIUS_KM);
}
