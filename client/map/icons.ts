import { IMPLAUSIBLE_COLOUR, POC_STATUS_COLOURS, SITE_COLOURS, UNIT_OUTLINE } from './palette.js';
import { SITE_ICONS } from './siteLayers.js';
import { HEADING_ICON, IMPLAUSIBLE_ICON } from './unitLayers.js';
import type { PocStatus } from '../../shared/sites.js';

/**
 * The map's symbols, drawn on a canvas at start-up: no sprite sheet to download, and the
 * legend shows the very same pictures.
 */

type Painter = (ctx: CanvasRenderingContext2D, size: number) => void;

export interface IconSpec {
  /** logical size in CSS pixels (square) */
  size: number;
  paint: Painter;
}

const OUTLINE = UNIT_OUTLINE;

function star(ctx: CanvasRenderingContext2D, cx: number, cy: number, outer: number, inner: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
  }
  ctx.closePath();
}

const headquarters: IconSpec = {
  size: 30,
  paint(ctx, s) {
    ctx.fillStyle = SITE_COLOURS.headquarters;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.roundRect(2, 2, s - 4, s - 4, 4);
    ctx.fill();
    ctx.stroke();
    star(ctx, s / 2, s / 2 + 0.5, s * 0.32, s * 0.14);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
  },
};

const fieldOffice: IconSpec = {
  size: 20,
  paint(ctx, s) {
    ctx.fillStyle = SITE_COLOURS.fieldOffice;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.rect(2, 2, s - 4, s - 4);
    ctx.fill();
    ctx.stroke();
  },
};

const policeStation: IconSpec = {
  size: 20,
  paint(ctx, s) {
    ctx.beginPath();
    ctx.moveTo(s / 2, 1.5);
    ctx.lineTo(s - 1.5, s / 2);
    ctx.lineTo(s / 2, s - 1.5);
    ctx.lineTo(1.5, s / 2);
    ctx.closePath();
    ctx.fillStyle = SITE_COLOURS.policeStation;
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 2;
    ctx.fill();
    ctx.stroke();
  },
};

/** A tent for a camp of displaced people, coloured by the site's status. */
const poc = (status: PocStatus): IconSpec => ({
  size: 22,
  paint(ctx, s) {
    ctx.beginPath();
    ctx.moveTo(s / 2, 2);
    ctx.lineTo(s - 2, s - 3);
    ctx.lineTo(2, s - 3);
    ctx.closePath();
    ctx.fillStyle = POC_STATUS_COLOURS[status];
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.fill();
    ctx.stroke();
    // the tent's door
    ctx.beginPath();
    ctx.moveTo(s / 2, s * 0.45);
    ctx.lineTo(s / 2 + 3.5, s - 3);
    ctx.lineTo(s / 2 - 3.5, s - 3);
    ctx.closePath();
    ctx.fillStyle = OUTLINE;
    ctx.fill();
  },
});

/** An arrowhead ahead of the marker; MapLibre rotates the whole square about its centre. */
const heading: IconSpec = {
  size: 44,
  paint(ctx, s) {
    ctx.beginPath();
    ctx.moveTo(s / 2, 1.5);
    ctx.lineTo(s / 2 + 6, 12);
    ctx.lineTo(s / 2 - 6, 12);
    ctx.closePath();
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.fill();
    ctx.stroke();
  },
};

/** An orange badge with a "!", drawn as shapes so it does not depend on a font. */
const implausible: IconSpec = {
  size: 18,
  paint(ctx, s) {
    ctx.beginPath();
    ctx.arc(s / 2, s / 2, s / 2 - 1.25, 0, Math.PI * 2);
    ctx.fillStyle = IMPLAUSIBLE_COLOUR;
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 1.5;
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = OUTLINE;
    ctx.beginPath();
    ctx.roundRect(s / 2 - 1.6, 3.5, 3.2, s * 0.42, 1.2);
    ctx.fill();
    ctx.beginPath();
    ctx.arc(s / 2, s - 4.6, 1.8, 0, Math.PI * 2);
    ctx.fill();
  },
};

export const ICONS: Record<string, IconSpec> = {
  [SITE_ICONS.headquarters]: headquarters,
  [SITE_ICONS.fieldOffice]: fieldOffice,
  [SITE_ICONS.policeStation]: policeStation,
  [SITE_ICONS.poc('poc-site')]: poc('poc-site'),
  [SITE_ICONS.poc('idp-camp')]: poc('idp-camp'),
  [SITE_ICONS.poc('handed-over')]: poc('handed-over'),
  [HEADING_ICON]: heading,
  [IMPLAUSIBLE_ICON]: implausible,
};

/** Draws one icon at a device pixel ratio. */
export function drawIcon(spec: IconSpec, pixelRatio: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = Math.round(spec.size * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.scale(pixelRatio, pixelRatio);
    spec.paint(ctx, spec.size);
  }
  return canvas;
}

/** A data URL of an icon, for the legend. */
export function iconDataUrl(name: string): string {
  const spec = ICONS[name];
  return spec ? drawIcon(spec, 2).toDataURL() : '';
}
