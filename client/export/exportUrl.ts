import { OPEN_STATUSES } from '../../shared/incidents.js';
import type { ExportFormat } from '../../shared/export.js';

/** The time span an export covers, epoch ms. */
export interface ExportWindow {
  from: number;
  to: number;
}

/**
 * The address of an incident export: the window, and the open statuses only when asked.
 * @example incidentExportUrl('kml', { from: 1, to: 2 }, { openOnly: false }) === '/api/export/incidents.kml?from=1&to=2'
 */
export function incidentExportUrl(format: ExportFormat, window: ExportWindow, options: { openOnly: boolean }): string {
  const q = new URLSearchParams({ from: String(Math.round(window.from)), to: String(Math.round(window.to)) });
  if (options.openOnly) q.set('status', OPEN_STATUSES.join(','));
  return `/api/export/incidents.${format}?${q.toString()}`;
}

/**
 * The address of a track export: the window, the units (all when null) and the spacing of fixes.
 * @example trackExportUrl('csv', { from: 1, to: 2 }, { unitIds: ['a', 'b'], everyS: 60 }) === '/api/export/tracks.csv?from=1&to=2&unitIds=a%2Cb&everyS=60'
 */
export function trackExportUrl(format: ExportFormat, window: ExportWindow, options: { unitIds: readonly string[] | null; everyS: number }): string {
  const q = new URLSearchParams({ from: String(Math.round(window.from)), to: String(Math.round(window.to)) });
  if (options.unitIds && options.unitIds.length > 0) q.set('unitIds', options.unitIds.join(','));
  if (options.everyS > 0) q.set('everyS', String(options.everyS));
  return `/api/export/tracks.${format}?${q.toString()}`;
}

/**
 * The file name a Content-Disposition header gives (`filename="a.csv"`, `filename=a.csv` or the
 * RFC 5987 `filename*=UTF-8''a.csv`), or null. Path separators are never kept.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  let name: string | null = null;
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
    name = plain ? (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1') : null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}
