import { bearing } from '@turf/bearing';
import { distance } from '@turf/distance';
import type { LatLon } from './state.js';

/** NATO mils: a full circle is 6400. */
export const MILS_PER_CIRCLE = 6400;

export interface Measurement {
  /** the length of each leg, km, first leg first */
  legsKm: number[];
  totalKm: number;
  /** true bearing of the last leg, degrees clockwise from north in [0, 360); null with fewer than two points */
  lastBearingDeg: number | null;
}

/**
 * Great-circle length of one leg in km (haversine on turf's mean Earth radius: within 0.5 % of
 * the ellipsoid, far finer than a click on the map).
 * @example legKm({ lat: 4.85, lon: 31.6 }, { lat: 6.2125, lon: 31.56083 }) // ≈ 151.6 (Juba to Bor)
 */
export function legKm(from: LatLon, to: LatLon): number {
  return distance([from.lon, from.lat], [to.lon, to.lat], { units: 'kilometers' });
}

/**
 * The initial true bearing from one point to the next, in [0, 360).
 * @example bearingDeg({ lat: 0, lon: 31 }, { lat: 1, lon: 31 }) === 0 // due north
 */
export function bearingDeg(from: LatLon, to: LatLon): number {
  const b = bearing([from.lon, from.lat], [to.lon, to.lat]);
  const normal = ((b % 360) + 360) % 360;
  // -0.0000001 comes back as 359.99999…; a bearing that rounds to 360 is north.
  return normal >= 359.9995 ? 0 : normal;
}

/**
 * Degrees to NATO mils (6400 to the circle), rounded to the whole mil, in [0, 6400).
 * @example degreesToMils(90) === 1600
 */
export function degreesToMils(degrees: number): number {
  const mils = Math.round((degrees * MILS_PER_CIRCLE) / 360);
  return ((mils % MILS_PER_CIRCLE) + MILS_PER_CIRCLE) % MILS_PER_CIRCLE;
}

/** Each leg, the total and the last leg's bearing of a path clicked on the map. */
export function measurePath(points: readonly LatLon[]): Measurement {
  const legsKm: number[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (from && to) legsKm.push(legKm(from, to));
  }
  const last = points.at(-1);
  const beforeLast = points.at(-2);
  return {
    legsKm,
    totalKm: legsKm.reduce((sum, km) => sum + km, 0),
    lastBearingDeg: last && beforeLast ? bearingDeg(beforeLast, last) : null,
  };
}

/**
 * The path with one more point, unless it is where the last one already is (a double click
 * lands twice on the same spot).
 */
export function withPoint(points: readonly LatLon[], point: LatLon): LatLon[] {
  const last = points.at(-1);
  if (last && last.lat === point.lat && last.lon === point.lon) return [...points];
  return [...points, point];
}

/**
 * A distance in km, to 10 m under 100 km and to 100 m beyond.
 * @example formatKm(12.3456) === '12.35 km'
 * @example formatKm(151.62) === '151.6 km'
 */
export function formatKm(km: number): string {
  const digits = km < 100 ? 2 : 1;
  return `${km.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} km`;
}

/**
 * A bearing in degrees, three figures and one decimal, as read over the radio.
 * @example formatBearing(47.26) === '047.3°'
 */
export function formatBearing(degrees: number): string {
  const tenths = Math.round(degrees * 10) % 3600;
  const whole = Math.floor(tenths / 10);
  return `${String(whole).padStart(3, '0')}.${tenths % 10}°`;
}

/**
 * Mils as four figures.
 * @example formatMils(840) === '0840 mils'
 */
export function formatMils(mils: number): string {
  return `${String(mils).padStart(4, '0')} mils`;
}
