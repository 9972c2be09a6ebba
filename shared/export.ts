import { z } from 'zod';
import { IncidentCategory, IncidentStatus } from './incidents.js';
import { UnitId } from './units.js';

/**
 * Exports for briefings and the GIS cell: incidents and patrol tracks as GeoJSON (RFC 7946),
 * KML 2.2 (Google Earth, QGIS) and CSV (Excel), and the map snapshot the browser composes.
 */
export const ExportFormat = z.enum(['geojson', 'kml', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const EXPORT_MEDIA_TYPE: Record<ExportFormat, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const HOUR_MS = 3_600_000;

/** What one export may cover: a laptop on a 1 Mbit/s link has to be able to take it. */
export const EXPORT_LIMITS = {
  /** tracks: at most this long a window */
  trackWindowMs: 24 * HOUR_MS,
  /** incidents: at most this long a window */
  incidentWindowMs: 366 * 24 * HOUR_MS,
  /** incidents in one file */
  incidentRows: 10_000,
  /** fixes in one file, over every unit */
  trackFixes: 250_000,
  /** units named in one request */
  units: 500,
} as const;

/** The window both exports take when none is given: the last 24 hours. */
export const DEFAULT_EXPORT_WINDOW_MS = 24 * HOUR_MS;

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const TIME_HINT = 'epoch milliseconds or an ISO 8601 time with its zone, e.g. 2026-11-21T05:30:00Z';

/** A time in a query string: epoch milliseconds, or ISO 8601 with a zone (`Z` or `+02:00`). */
export const ExportTime = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  let ms = Number.NaN;
  if (/^\d{1,16}$/.test(trimmed)) ms = Number(trimmed);
  else if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/.test(trimmed)) ms = Date.parse(trimmed);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `not a time: ${TIME_HINT}` });
    return z.NEVER;
  }
  if (ms < EARLIEST || ms > LATEST) {
    ctx.addIssue({ code: 'custom', message: 'a time between the years 2000 and 2200' });
    return z.NEVER;
  }
  return ms;
});

/** `a,b,c` or a repeated parameter (`?x=a&x=b`), as one list. */
function listParam<T extends z.ZodType<unknown, string>>(item: T, max: number, what: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value.join(',') : value)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item).max(max, `at most ${max} ${what}`));
}

/** `GET /api/export/incidents.{format}`: incidents that occurred in the window, oldest first. */
export const IncidentExportQuery = z.object({
  from: ExportTime.optional(),
  to: ExportTime.optional(),
  /** one or more statuses, comma-separated; all when left out */
  status: listParam(IncidentStatus, IncidentStatus.options.length, 'statuses').optional(),
  /** one or more categories, comma-separated; all when left out */
  category: listParam(IncidentCategory, IncidentCategory.options.length, 'categories').optional(),
});
export type IncidentExportQuery = z.output<typeof IncidentExportQuery>;

/** `GET /api/export/tracks.{format}`: each unit's fixes in the window (at most 24 h). */
export const TrackExportQuery = z.object({
  from: ExportTime.optional(),
  to: ExportTime.optional(),
  /** unit ids, comma-separated; every unit with a fix in the window when left out */
  unitIds: listParam(UnitId, EXPORT_LIMITS.units, 'units').optional(),
  /** keep at most one fix per unit in this many seconds (0: every fix) */
  everyS: z.coerce.number().int('whole seconds').min(0).max(3600).default(0),
});
export type TrackExportQuery = z.output<typeof TrackExportQuery>;

/** What the browser tells the server when someone takes a PNG snapshot of the map, for the audit log. */
export const SnapshotRecord = z.object({
  /** the map's extent, degrees */
  extent: z.object({
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
  }),
  zoom: z.number().min(0).max(24),
  /** the moment the picture shows, epoch ms: now, or the moment chosen in replay */
  situationAt: z.number().int().min(946_684_800_000).max(8_640_000_000_000_000),
  /** taken while replaying the past */
  replay: z.boolean(),
  /** the layer groups shown */
  layers: z.array(z.string().min(1).max(40)).max(20),
  /** incidents drawn inside the extent */
  incidents: z.number().int().min(0).max(1_000_000),
  /** need-to-know incidents drawn at their exact place (only for someone with need-to-know) */
  exactSensitive: z.number().int().min(0).max(1_000_000),
  /** the file name the browser saves */
  filename: z.string().min(1).max(120),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecord>;

/** The server's answer once the snapshot is in the audit log. */
export const SnapshotRecorded = z.object({ recorded: z.literal(true) });
export type SnapshotRecorded = z.infer<typeof SnapshotRecorded>;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The Zulu date-time group without spaces, as it goes into a file name.
 * @example compactDtg(Date.UTC(2026, 10, 21, 10, 30)) === '211030ZNOV26'
 */
export function compactDtg(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}Z${MONTHS[d.getUTCMonth()] ?? 'XXX'}${pad2(d.getUTCFullYear() % 100)}`;
}

export type ExportKind = 'incidents' | 'tracks' | 'map';

/**
 * The name a downloaded file gets: mission, what it holds, and when it was made (Zulu DTG).
 * @example exportFilename('incidents', 'kml', Date.UTC(2026, 10, 21, 10, 30)) === 'unmiss-incidents-211030ZNOV26.kml'
 */
export function exportFilename(kind: ExportKind, extension: ExportFormat | 'png', epochMs: number): string {
  return `unmiss-${kind}-${compactDtg(epochMs)}.${extension}`;
}
