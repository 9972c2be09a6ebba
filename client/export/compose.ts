import { messagesNow } from '../i18n/messages.js';
import { drawIcon, ICONS } from '../map/icons.js';
import type { LegendSection, LegendSymbol } from './legend.js';
import { snapshotMessages } from './messages.js';
import type { ScaleBar } from './scaleBar.js';

/** Everything a briefing snapshot shows besides the map picture itself. */
export interface SnapshotSheet {
  /** the map as drawn, in device pixels */
  map: CanvasImageSource;
  /** the map's size on screen, CSS pixels */
  mapWidth: number;
  mapHeight: number;
  /** device pixels per CSS pixel: the snapshot is as sharp as the screen */
  scale: number;
  classification: { text: string; strict: boolean };
  title: string;
  /** "Situation at 211030Z NOV 26" */
  situation: string;
  /** "Juba 12:30 (UTC+2) · Sat 21 Nov 2026" */
  jubaTime: string;
  preparedBy: string;
  legend: readonly LegendSection[];
  inView: readonly string[];
  extent: readonly string[];
  scaleBar: ScaleBar;
  footer: string;
}

/** The sheet's layout, CSS pixels. */
export const SHEET = {
  band: 30,
  head: 78,
  foot: 30,
  panel: 340,
  pad: 18,
  headingRow: 26,
  sectionTitle: 24,
  row: 24,
  sectionGap: 8,
  line: 21,
  blockGap: 14,
} as const;

const COLOURS = {
  page: '#0f1620',
  head: '#101a27',
  foot: '#0b121b',
  line: '#26354a',
  text: '#e8eef5',
  muted: '#9aabbe',
  unBlue: '#4da3ff',
  internal: '#1f5fa8',
  strict: '#b3261e',
  outline: '#05080c',
} as const;

const FONT = "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const MONO = "'DejaVu Sans Mono', 'Noto Sans Mono', Consolas, monospace";

/** How tall the side panel's contents are, CSS pixels. */
export function panelHeight(sheet: Pick<SnapshotSheet, 'legend' | 'inView' | 'extent'>): number {
  const legend = sheet.legend.reduce((h, s) => h + SHEET.sectionTitle + s.entries.length * SHEET.row + SHEET.sectionGap, 0);
  return SHEET.pad + SHEET.headingRow + legend + SHEET.blockGap + SHEET.headingRow + sheet.inView.length * SHEET.line + SHEET.blockGap + SHEET.headingRow + sheet.extent.length * SHEET.line + SHEET.pad;
}

/** The finished picture's size in device pixels. */
export function sheetSize(sheet: Pick<SnapshotSheet, 'mapWidth' | 'mapHeight' | 'scale' | 'legend' | 'inView' | 'extent'>): { width: number; height: number } {
  const body = Math.max(sheet.mapHeight, panelHeight(sheet));
  return {
    width: Math.round((sheet.mapWidth + SHEET.panel) * sheet.scale),
    height: Math.round((SHEET.band * 2 + SHEET.head + body + SHEET.foot) * sheet.scale),
  };
}

/** Text cut with an ellipsis to fit `maxWidth`. */
function fitted(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function write(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, options: { size: number; weight?: number; colour?: string; align?: CanvasTextAlign; maxWidth?: number; mono?: boolean }): void {
  ctx.font = `${options.weight ?? 400} ${options.size}px ${options.mono ? MONO : FONT}`;
  ctx.fillStyle = options.colour ?? COLOURS.text;
  ctx.textAlign = options.align ?? 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(options.maxWidth === undefined ? text : fitted(ctx, text, options.maxWidth), x, y);
}

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

/** One legend symbol in a box about 20 px square centred on (cx, cy), drawn as the map draws it. */
function drawSymbol(ctx: CanvasRenderingContext2D, symbol: LegendSymbol, cx: number, cy: number, scale: number): void {
  ctx.save();
  // A little larger than on screen: the picture is usually shown smaller than it was taken.
  ctx.translate(cx, cy);
  ctx.scale(1.2, 1.2);
  ctx.translate(-cx, -cy);
  switch (symbol.kind) {
    case 'dot':
      if (symbol.halo) {
        circle(ctx, cx, cy, 9);
        ctx.fillStyle = `${symbol.colour}55`;
        ctx.fill();
      }
      circle(ctx, cx, cy, 6);
      ctx.globalAlpha = symbol.dim ? 0.45 : 1;
      ctx.fillStyle = symbol.colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = COLOURS.outline;
      ctx.stroke();
      break;
    case 'hollow':
      circle(ctx, cx, cy, 6);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = symbol.colour;
      ctx.stroke();
      break;
    case 'line':
    case 'dash':
      ctx.beginPath();
      ctx.moveTo(cx - 10, cy);
      ctx.lineTo(cx + 10, cy);
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.globalAlpha = symbol.opacity ?? 1;
      ctx.strokeStyle = symbol.colour;
      if (symbol.kind === 'dash') ctx.setLineDash([4, 3]);
      ctx.stroke();
      break;
    case 'diamond':
      ctx.globalAlpha = symbol.dim ? 0.4 : 1;
      ctx.translate(cx, cy);
      ctx.rotate(Math.PI / 4);
      ctx.fillStyle = symbol.colour;
      ctx.fillRect(-7, -7, 14, 14);
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = COLOURS.outline;
      ctx.strokeRect(-7, -7, 14, 14);
      ctx.rotate(-Math.PI / 4);
      write(ctx, symbol.code, 0, 0.5, { size: 8, weight: 800, colour: COLOURS.outline, align: 'center' });
      break;
    case 'ring':
      circle(ctx, cx, cy, 7.5);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = symbol.colour;
      if (symbol.dashed) {
        ctx.lineWidth = 1.5;
        ctx.setLineDash([3, 2]);
      }
      ctx.stroke();
      break;
    case 'icon': {
      const spec = ICONS[symbol.name];
      if (spec) {
        const size = Math.min(20, spec.size);
        ctx.drawImage(drawIcon(spec, scale * 2), cx - size / 2, cy - size / 2, size, size);
      }
      break;
    }
  }
  ctx.restore();
}

function heading(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  ctx.save();
  ctx.letterSpacing = '1.5px';
  write(ctx, text, x, y + SHEET.headingRow / 2, { size: 13, weight: 700, colour: COLOURS.muted });
  ctx.restore();
}

function drawPanel(ctx: CanvasRenderingContext2D, sheet: SnapshotSheet, left: number, top: number): void {
  const x = left + SHEET.pad;
  const width = SHEET.panel - SHEET.pad * 2;
  let y = top + SHEET.pad;
  const t = messagesNow(snapshotMessages);
  heading(ctx, t.legendHeading, x, y);
  y += SHEET.headingRow;
  for (const section of sheet.legend) {
    write(ctx, section.title, x, y + SHEET.sectionTitle / 2, { size: 16, weight: 700, maxWidth: width });
    y += SHEET.sectionTitle;
    for (const entry of section.entries) {
      drawSymbol(ctx, entry.symbol, x + 12, y + SHEET.row / 2, sheet.scale);
      write(ctx, entry.label, x + 32, y + SHEET.row / 2, { size: 15, maxWidth: width - 32 });
      y += SHEET.row;
    }
    y += SHEET.sectionGap;
  }
  if (sheet.legend.length === 0) {
    write(ctx, t.noLayer, x, y + SHEET.row / 2, { size: 15, colour: COLOURS.muted });
    y += SHEET.row;
  }
  y += SHEET.blockGap;
  heading(ctx, t.inViewHeading, x, y);
  y += SHEET.headingRow;
  for (const line of sheet.inView) {
    write(ctx, line, x, y + SHEET.line / 2, { size: 15, maxWidth: width });
    y += SHEET.line;
  }
  y += SHEET.blockGap;
  heading(ctx, t.extentHeading, x, y);
  y += SHEET.headingRow;
  for (const line of sheet.extent) {
    write(ctx, line, x, y + SHEET.line / 2, { size: 14, mono: true, maxWidth: width });
    y += SHEET.line;
  }
}

/** The scale bar in the map's lower left, on a dark plate so it reads over any base map. */
function drawScaleBar(ctx: CanvasRenderingContext2D, bar: ScaleBar, left: number, bottom: number): void {
  const x = left + 14;
  const plateWidth = Math.max(bar.px, 60) + 24;
  ctx.fillStyle = 'rgba(7, 11, 17, 0.82)';
  ctx.beginPath();
  ctx.roundRect(x, bottom - 58, plateWidth, 46, 5);
  ctx.fill();
  write(ctx, bar.label, x + 12, bottom - 44, { size: 15, weight: 700 });
  const barY = bottom - 24;
  ctx.fillStyle = COLOURS.text;
  ctx.fillRect(x + 12, barY, bar.px / 2, 5);
  ctx.strokeStyle = COLOURS.text;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x + 12, barY, bar.px, 5);
}

/** A north arrow in the map's upper right: the operations map is always north-up. */
function drawNorthArrow(ctx: CanvasRenderingContext2D, right: number, top: number): void {
  const cx = right - 30;
  ctx.fillStyle = 'rgba(7, 11, 17, 0.82)';
  circle(ctx, cx, top + 32, 20);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx, top + 18);
  ctx.lineTo(cx + 7, top + 36);
  ctx.lineTo(cx, top + 32);
  ctx.lineTo(cx - 7, top + 36);
  ctx.closePath();
  ctx.fillStyle = COLOURS.text;
  ctx.fill();
  write(ctx, 'N', cx, top + 44, { size: 11, weight: 800, align: 'center' });
}

function band(ctx: CanvasRenderingContext2D, sheet: SnapshotSheet, y: number, width: number): void {
  ctx.fillStyle = sheet.classification.strict ? COLOURS.strict : COLOURS.internal;
  ctx.fillRect(0, y, width, SHEET.band);
  ctx.save();
  ctx.letterSpacing = '2px';
  write(ctx, sheet.classification.text, width / 2, y + SHEET.band / 2 + 0.5, { size: 16, weight: 800, colour: '#ffffff', align: 'center', maxWidth: width - 20 });
  ctx.restore();
}

/**
 * Composes the briefing picture on a 2D canvas: classification above and below, a title block
 * with the time in Juba and as a Zulu DTG, the map with its scale and north arrow, and beside it
 * the legend of what is shown, what is in view and the map's extent.
 */
export function composeSnapshot(sheet: SnapshotSheet): HTMLCanvasElement {
  const size = sheetSize(sheet);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the snapshot (no 2D canvas)');
  ctx.scale(sheet.scale, sheet.scale);
  const width = sheet.mapWidth + SHEET.panel;
  const height = size.height / sheet.scale;
  const bodyTop = SHEET.band + SHEET.head;
  const bodyHeight = height - bodyTop - SHEET.foot - SHEET.band;

  ctx.fillStyle = COLOURS.page;
  ctx.fillRect(0, 0, width, height);
  band(ctx, sheet, 0, width);

  // Title block: the badge, the product and the time; who prepared it on the right.
  ctx.fillStyle = COLOURS.head;
  ctx.fillRect(0, SHEET.band, width, SHEET.head);
  const mid = SHEET.band + SHEET.head / 2;
  circle(ctx, 40, mid, 23);
  ctx.fillStyle = COLOURS.unBlue;
  ctx.fill();
  write(ctx, 'UN', 40, mid + 0.5, { size: 17, weight: 800, colour: '#ffffff', align: 'center' });
  write(ctx, sheet.title, 78, mid - 14, { size: 24, weight: 700, maxWidth: width * 0.55 });
  write(ctx, `${sheet.situation}  ·  ${sheet.jubaTime}`, 78, mid + 15, { size: 17, colour: COLOURS.text, maxWidth: width * 0.62 });
  write(ctx, sheet.preparedBy, width - SHEET.pad, mid, { size: 15, colour: COLOURS.muted, align: 'right', maxWidth: width * 0.3 });
  ctx.fillStyle = COLOURS.line;
  ctx.fillRect(0, bodyTop - 2, width, 2);

  ctx.drawImage(sheet.map, 0, bodyTop, sheet.mapWidth, sheet.mapHeight);
  drawScaleBar(ctx, sheet.scaleBar, 0, bodyTop + sheet.mapHeight);
  drawNorthArrow(ctx, sheet.mapWidth, bodyTop);
  ctx.fillStyle = COLOURS.line;
  ctx.fillRect(sheet.mapWidth, bodyTop, 2, bodyHeight);
  drawPanel(ctx, sheet, sheet.mapWidth + 2, bodyTop);

  const footTop = height - SHEET.band - SHEET.foot;
  ctx.fillStyle = COLOURS.foot;
  ctx.fillRect(0, footTop, width, SHEET.foot);
  write(ctx, sheet.footer, SHEET.pad, footTop + SHEET.foot / 2, { size: 14, colour: COLOURS.muted, maxWidth: width - SHEET.pad * 2 });
  band(ctx, sheet, height - SHEET.band, width);
  return canvas;
}
