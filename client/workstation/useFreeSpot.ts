import { useLayoutEffect, type RefObject } from 'react';
import { placeInGap, widestGap, type Span } from './freeSpot.js';

/** How far from the edge a box counts as being in the way. */
const BAND_PX = 64;
const MARGIN_PX = 12;
/** The narrowest uncovered stretch worth flying a place into. */
const MIN_CLEAR_PX = 160;

/** Whatever floats over the map: panels, banners, the layer switcher, MapLibre's controls, our other tools. */
function obstacles(main: HTMLElement, self: HTMLElement | null): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const child of Array.from(main.children)) {
    if (child instanceof HTMLElement && child !== self && !child.classList.contains('map') && !(self && child.contains(self))) found.push(child);
  }
  for (const element of Array.from(main.querySelectorAll('.map .maplibregl-ctrl, .map [data-free-spot]'))) {
    if (element instanceof HTMLElement && element !== self) found.push(element);
  }
  return found;
}

/**
 * The stretches across the map area that something floating over it covers, in px from its left
 * edge, counting only what reaches into the rows from `top` to `bottom` (px from its top).
 */
export function coveredSpans(main: HTMLElement, rows: { top: number; bottom: number }, self: HTMLElement | null = null): Span[] {
  const area = main.getBoundingClientRect();
  const covered: Span[] = [];
  for (const element of obstacles(main, self)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.top - area.top < rows.bottom && box.bottom - area.top > rows.top) covered.push({ left: box.left - area.left, right: box.right - area.left });
  }
  return covered;
}

/**
 * How far right of the map's centre the middle of its widest uncovered stretch is, at mid
 * height: a place flown to lands there rather than under a panel.
 */
export function clearCentreOffset(main: HTMLElement): number {
  const { width, height } = main.getBoundingClientRect();
  const gap = widestGap(coveredSpans(main, { top: height / 2 - 40, bottom: height / 2 + 40 }), width, MARGIN_PX);
  // Panels over nearly all of it: a sliver at the edge is no place to look; the middle it is.
  if (gap.right - gap.left < MIN_CLEAR_PX) return 0;
  return Math.round((gap.left + gap.right) / 2 - width / 2);
}

/**
 * Keeps an absolutely placed box (pinned to the top or bottom of the map by its CSS) in the
 * widest stretch of that edge that no panel, banner or control covers, and moves it when they
 * open, close or change size. With `hideWithoutRoom`, a box that fits nowhere is hidden
 * (`data-room="none"`) rather than laid over a panel.
 */
export function useFreeSpot(ref: RefObject<HTMLElement | null>, edge: 'top' | 'bottom', options: { hideWithoutRoom?: boolean } = {}): void {
  const hideWithoutRoom = options.hideWithoutRoom === true;
  useLayoutEffect(() => {
    const self = ref.current;
    const main = self?.closest('.main');
    if (!self || !(main instanceof HTMLElement)) return;
    self.dataset.freeSpot = edge;

    const place = () => {
      const { width, height } = main.getBoundingClientRect();
      const rows = edge === 'top' ? { top: 0, bottom: BAND_PX } : { top: height - BAND_PX, bottom: height };
      const covered = coveredSpans(main, rows, self);
      const size = self.offsetWidth;
      const left = `${placeInGap(covered, width, size, MARGIN_PX)}px`;
      if (self.style.left !== left) self.style.left = left;
      if (hideWithoutRoom) {
        const gap = widestGap(covered, width, MARGIN_PX);
        const room = gap.right - gap.left >= size ? 'yes' : 'none';
        if (self.dataset.room !== room) self.dataset.room = room;
      }
    };

    const sizes = new ResizeObserver(place);
    const watchSizes = () => {
      sizes.disconnect();
      sizes.observe(main);
      sizes.observe(self);
      for (const element of obstacles(main, self)) sizes.observe(element);
    };
    // Panels come and go as children of the map area, and its data attributes move the
    // layer switcher aside; either can change what is in the way.
    const children = new MutationObserver(() => {
      watchSizes();
      place();
    });
    children.observe(main, { childList: true, attributes: true });
    watchSizes();
    place();
    return () => {
      children.disconnect();
      sizes.disconnect();
      delete self.dataset.freeSpot;
      delete self.dataset.room;
    };
  }, [ref, edge, hideWithoutRoom]);
}
