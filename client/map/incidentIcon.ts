import type { Map as MapLibreMap } from 'maplibre-gl';
import { IncidentCategory } from '../../shared/incidents.js';
import { CATEGORY_CODE, CATEGORY_COLOUR } from '../incidents/categories.js';
import { incidentIconName } from './incidentLayers.js';
import { UNIT_OUTLINE } from './palette.js';

const SIZE = 26;
const PIXEL_RATIO = 2;

/** One diamond per category in its colour, its code inside: incidents are diamonds, patrols dots. */
function drawDiamond(category: IncidentCategory): ImageData | null {
  const px = SIZE * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  const s = SIZE;
  const pad = 2;
  ctx.beginPath();
  ctx.moveTo(s / 2, pad);
  ctx.lineTo(s - pad, s / 2);
  ctx.lineTo(s / 2, s - pad);
  ctx.lineTo(pad, s / 2);
  ctx.closePath();
  ctx.fillStyle = CATEGORY_COLOUR[category];
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = UNIT_OUTLINE;
  ctx.stroke();
  const code = CATEGORY_CODE[category];
  ctx.fillStyle = UNIT_OUTLINE;
  ctx.font = `bold ${code.length > 1 ? 8.5 : 12}px "DejaVu Sans", "Noto Sans", sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(code, s / 2, s / 2 + 0.5);
  return ctx.getImageData(0, 0, px, px);
}

/** Adds the category diamonds once; the layer calls it before adding its symbol layer. */
export function addIncidentIcons(map: MapLibreMap): void {
  for (const category of IncidentCategory.options) {
    const name = incidentIconName(category);
    if (map.hasImage(name)) continue;
    const image = drawDiamond(category);
    if (image) map.addImage(name, image, { pixelRatio: PIXEL_RATIO });
  }
}
