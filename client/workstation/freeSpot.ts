/** A stretch across the map, in px from its left edge. */
export interface Span {
  left: number;
  right: number;
}

/**
 * The widest stretch of [0, width] that none of `covered` reaches, keeping `margin` px from each
 * edge of it; the whole width when nothing is in the way.
 * @example widestGap([{ left: 12, right: 412 }], 1366, 12) // { left: 424, right: 1354 }
 */
export function widestGap(covered: readonly Span[], width: number, margin: number): Span {
  const sorted = covered.filter((s) => s.right > s.left).sort((a, b) => a.left - b.left);
  let best: Span = { left: margin, right: margin };
  let from = 0;
  const consider = (to: number) => {
    const gap = { left: from + margin, right: to - margin };
    if (gap.right - gap.left > best.right - best.left) best = gap;
  };
  for (const span of sorted) {
    if (span.left > from) consider(span.left);
    from = Math.max(from, span.right);
  }
  consider(width);
  return best;
}

/**
 * Where to put the left edge of something `size` px wide: in the middle of the widest free
 * stretch; in the middle of the map when no stretch has even half the room (everything is
 * open: better over the map's middle than over a panel's heading); never off the map.
 */
export function placeInGap(covered: readonly Span[], width: number, size: number, margin: number): number {
  const gap = widestGap(covered, width, margin);
  const room = gap.right - gap.left;
  const centred = room >= size / 2 ? gap.left + (room - size) / 2 : (width - size) / 2;
  return Math.round(Math.max(margin, Math.min(centred, width - size - margin)));
}
