import { forward } from 'mgrs';

/**
 * An MGRS grid reference at 1 m precision, spaced the way it is read over the radio:
 * zone and band, 100 km square, easting, northing.
 * @example formatMgrs(31.5825, 4.8594) === '36N UL 42815 37287' (Juba)
 */
export function formatMgrs(lon: number, lat: number): string {
  let raw: string;
  try {
    raw = forward([lon, lat], 5);
  } catch {
    // MGRS is undefined near the poles; a UN position in South Sudan never gets here.
    return '—';
  }
  const m = /^(\d{1,2}[C-X])([A-Z]{2})(\d*)$/.exec(raw);
  if (!m || !m[1] || !m[2]) return raw;
  const digits = m[3] ?? '';
  const half = digits.length / 2;
  return `${m[1]} ${m[2]} ${digits.slice(0, half)} ${digits.slice(half)}`.trim();
}

/**
 * Decimal degrees with hemisphere letters, five decimals (about 1 m).
 * @example formatDecimalDegrees(31.58234, 4.85123) === '4.85123° N, 31.58234° E'
 */
export function formatDecimalDegrees(lon: number, lat: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(5)}° ${ns}, ${Math.abs(lon).toFixed(5)}° ${ew}`;
}
