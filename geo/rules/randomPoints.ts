import type { LonLat } from '../../shared/sites.js';
import type { Box } from './geodesy.js';

/**
 * A seeded generator of numbers in [0, 1) (mulberry32: 32-bit state, fast, good enough to
 * scatter test points; not for anything secret).
 * @example
 * const next = seededRandom(42); next() // the same value on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` reproducible points spread uniformly (in degrees) over a [west, south, east, north] box.
 * @example
 * randomPointsInBox(7, 3, [23.887, 3.509, 35.298, 12.248]) // three [lon, lat] inside South Sudan's box
 */
export function randomPointsInBox(seed: number, count: number, [west, south, east, north]: Box): LonLat[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (): LonLat => [west + next() * (east - west), south + next() * (north - south)]);
}
