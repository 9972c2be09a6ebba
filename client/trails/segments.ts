import type { TrailPoint } from './trailBook.js';

/** Faster than this between two points is a bad fix, not a patrol: no line is drawn across it (m/s, 250 km/h). */
export const MAX_TRAIL_SPEED_MPS = 70;

const METRES_PER_DEGREE = 111_320;

/** Metres between two nearby points; an equirectangular estimate, plenty for "is this a jump". */
export function roughDistanceM(a: TrailPoint, b: TrailPoint): number {
  const midLat = ((a[2] + b[2]) / 2) * (Math.PI / 180);
  const dx = (b[1] - a[1]) * Math.cos(midLat);
  const dy = b[2] - a[2];
  return Math.hypot(dx, dy) * METRES_PER_DEGREE;
}

/**
 * Cuts a path wherever it jumps faster than a patrol can move, or where `breakBefore` says (a
 * fix the server flagged as implausible), so a bad fix shows as a lone point, not a line across
 * the country. Returns the pieces, oldest first; a piece may hold a single point.
 */
export function splitAtJumps(
  points: readonly TrailPoint[],
  breakBefore: (index: number) => boolean = () => false,
  maxSpeedMps = MAX_TRAIL_SPEED_MPS,
): TrailPoint[][] {
  const pieces: TrailPoint[][] = [];
  let piece: TrailPoint[] = [];
  let previous: TrailPoint | undefined;
  points.forEach((point, index) => {
    if (previous) {
      const seconds = (point[0] - previous[0]) / 1000;
      const jump = seconds <= 0 || roughDistanceM(previous, point) / seconds > maxSpeedMps;
      if (jump || breakBefore(index)) {
        pieces.push(piece);
        piece = [];
      }
    }
    piece.push(point);
    previous = point;
  });
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
