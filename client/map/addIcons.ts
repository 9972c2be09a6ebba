import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawIcon, ICONS } from './icons.js';

const PIXEL_RATIO = 2;

/** Adds the client's icons to the map once; a layer calls it before it adds a symbol layer. */
export function addIcons(map: MapLibreMap): void {
  for (const [name, spec] of Object.entries(ICONS)) {
    if (map.hasImage(name)) continue;
    const canvas = drawIcon(spec, PIXEL_RATIO);
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    map.addImage(name, ctx.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: PIXEL_RATIO });
  }
}
