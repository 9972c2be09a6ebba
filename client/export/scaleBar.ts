/** A scale bar: its length on the picture and what it stands for on the ground. */
export interface ScaleBar {
  px: number;
  metres: number;
  label: string;
}

/**
 * The longest round distance (1, 2 or 5 × a power of ten) that fits in `maxPx`, as MapLibre's own
 * scale control picks it.
 * @example scaleBar(100, 160) // { px: 100, metres: 10000, label: '10 km' }
 */
export function scaleBar(metresPerPixel: number, maxPx: number): ScaleBar {
  const maxMetres = metresPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((m) => m * power <= maxMetres) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { px: metres / metresPerPixel, metres, label };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two [lon, lat] points. */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
