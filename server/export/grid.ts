import { createRequire } from 'node:module';

// mgrs ships a UMD bundle as its main file, whose named exports Node's ES module loader cannot
// see; it is loaded the CommonJS way, with its own types.
const require = createRequire(import.meta.url);
const { forward } = require('mgrs') as typeof import('mgrs');

/**
 * An MGRS grid reference spaced the way it is read over the radio: zone and band, 100 km
 * square, easting, northing. `digits` per axis: 5 for 1 m, 2 for 1 km (a coarsened location
 * must not look more precise than it is).
 * @example gridReference(31.5825, 4.8594) === '36N UL 42815 37287' (Juba)
 */
export function gridReference(lon: number, lat: number, digits = 5): string {
  let raw: string;
  try {
    raw = forward([lon, lat], digits);
  } catch {
    // MGRS is undefined near the poles; nothing in South Sudan gets here.
    return '';
  }
  const m = /^(\d{1,2}[C-X])([A-Z]{2})(\d*)$/.exec(raw);
  if (!m?.[1] || !m[2]) return raw;
  const figures = m[3] ?? '';
  const half = figures.length / 2;
  return `${m[1]} ${m[2]} ${figures.slice(0, half)} ${figures.slice(half)}`.trim();
}
