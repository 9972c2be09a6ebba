import { Router, type Request, type Response } from 'express';
import {
  DEFAULT_EXPORT_WINDOW_MS,
  EXPORT_LIMITS,
  EXPORT_MEDIA_TYPE,
  ExportFormat,
  exportFilename,
  IncidentExportQuery,
  SnapshotRecord,
  type SnapshotRecorded,
  TrackExportQuery,
} from '../../shared/export.js';
import type { FieldIssue } from '../../shared/reply.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { incidentsCsv, incidentsGeoJson, incidentsKml, type IncidentExport } from '../export/incidents.js';
import { writeChunks } from '../export/stream.js';
import { thinFixes, tracksCsv, tracksGeoJson, tracksKml, type TrackExport, type UnitTrack } from '../export/tracks.js';
import { summarise } from '../incidents/redaction.js';
import type { IncidentService } from '../incidents/service.js';
import type { Tracker } from '../tracking/tracker.js';
import { actorOf, principalOf, requirePermission } from './auth.js';
import { ApiError, parseInput, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';

export interface ExportRouteOptions {
  incidents: IncidentService;
  tracker: Tracker;
  audit: AuditLog;
  clock: Clock;
}

/** Fixes read for one unit at most: a tracker reporting every second fills 24 h with 86,400. */
const UNIT_FIXES_READ = 200_000;

const hours = (ms: number) => `${Math.round(ms / 3_600_000)} h`;

/** The window asked for, or the last 24 h; refused, naming the field, when back to front or too long. */
function windowOf(q: { from?: number | undefined; to?: number | undefined }, now: number, maxMs: number): { from: number; to: number } {
  const to = q.to ?? now;
  const from = q.from ?? to - DEFAULT_EXPORT_WINDOW_MS;
  if (from > to) {
    throw new ApiError('invalid_input', 'the export window ends before it starts', [{ path: q.from === undefined ? 'to' : 'from', message: 'must not be after to' }]);
  }
  if (to - from > maxMs) {
    const max = maxMs >= 48 * 3_600_000 ? `${Math.round(maxMs / 86_400_000)} days` : hours(maxMs);
    throw new ApiError('invalid_input', `the export window is longer than ${max}`, [{ path: 'from', message: `at most ${max} before to` }]);
  }
  return { from, to };
}

function formatOf(param: unknown): ExportFormat {
  const format = ExportFormat.safeParse(param);
  if (!format.success) throw new ApiError('not_found', `no export as .${String(param).slice(0, 20)}: the formats are geojson, kml and csv`, [{ path: 'format', message: 'geojson, kml or csv' }]);
  return format.data;
}

/** A person, never a wall display: every export names who took it. */
function requirePerson(req: Request): void {
  if (principalOf(req)?.kind === 'wall') throw new ApiError('forbidden', 'a wall display cannot export; sign in as a person to export');
}

/** Sets the headers of a file download; called only once nothing can fail before the first byte. */
function startFile(res: Response, filename: string, format: ExportFormat, rows: number): void {
  res.status(200);
  res.attachment(filename);
  res.set({
    'Content-Type': EXPORT_MEDIA_TYPE[format],
    // Operational data: kept by nobody between the server and the reader.
    'Cache-Control': 'no-store',
    'X-Export-Rows': String(rows),
  });
}

/**
 * Exports under /api/export: incidents and tracks as GeoJSON, KML or CSV, and the audit record of
 * a map snapshot. Incidents go out exactly as the live feed shows them to the person asking: no
 * victims or witnesses for anyone, and need-to-know incidents coarsened for those without it.
 */
export function exportRouter({ incidents, tracker, audit, clock }: ExportRouteOptions): Router {
  const router = Router();

  router.get('/incidents.:format', requirePermission('map:read'), async (req, res) => {
    requirePerson(req);
    const format = formatOf(req.params.format);
    const q = parseInput(IncidentExportQuery, req.query, 'the incident export query');
    const now = clock.now();
    const { from, to } = windowOf(q, now, EXPORT_LIMITS.incidentWindowMs);
    const statuses = q.status ?? [];
    const categories = q.category ?? [];
    const records = await incidents.occurredBetween({ from, to, statuses, categories, limit: EXPORT_LIMITS.incidentRows + 1 });
    if (records.length > EXPORT_LIMITS.incidentRows) {
      throw new ApiError('invalid_input', `more than ${EXPORT_LIMITS.incidentRows.toLocaleString('en-GB')} incidents in this window; export a shorter window, or filter by status or category`, [
        { path: 'from', message: 'a later start' },
      ]);
    }
    const needToKnow = principalOf(req)?.permissions.has('incidents:read-sensitive') ?? false;
    const summaries = records.map((r) => summarise(r, needToKnow));
    const exportedBy = actorOf(req);
    const file: IncidentExport = { incidents: summaries, from, to, exportedAt: now, exportedBy, callsignOf: (id) => tracker.unit(id)?.callsign };
    const filename = exportFilename('incidents', format, now);
    await audit.record({
      actor: exportedBy,
      action: 'export.incidents',
      target: filename,
      details: {
        format,
        from,
        to,
        rows: summaries.length,
        ...(statuses.length > 0 ? { statuses } : {}),
        ...(categories.length > 0 ? { categories } : {}),
        coarsened: summaries.filter((s) => s.locationCoarsened).length,
        exactSensitive: summaries.filter((s) => s.sensitive && !s.locationCoarsened).length,
      },
    });
    startFile(res, filename, format, summaries.length);
    await writeChunks(res, format === 'geojson' ? incidentsGeoJson(file) : format === 'kml' ? incidentsKml(file) : incidentsCsv(file));
  });

  router.get('/tracks.:format', requirePermission('map:read'), async (req, res) => {
    requirePerson(req);
    const format = formatOf(req.params.format);
    const q = parseInput(TrackExportQuery, req.query, 'the track export query');
    const now = clock.now();
    const { from, to } = windowOf(q, now, EXPORT_LIMITS.trackWindowMs);
    const named = q.unitIds !== undefined && q.unitIds.length > 0;
    if (named) {
      const unknown: FieldIssue[] = (q.unitIds ?? []).flatMap((id, i) => (tracker.has(id) ? [] : [{ path: `unitIds[${i}]`, message: `no unit "${id}"` }]));
      if (unknown.length > 0) throw new ApiError('invalid_input', 'the track export names units that are not on the roster', unknown);
    }
    const units = named ? [...new Set(q.unitIds)].flatMap((id) => tracker.unit(id) ?? []) : tracker.allUnits();
    const tracks: UnitTrack[] = [];
    let total = 0;
    for (const unit of units) {
      const read = await tracker.track(unit.id, from, to, UNIT_FIXES_READ + 1);
      if (read.length > UNIT_FIXES_READ) {
        throw new ApiError('invalid_input', `${unit.callsign} has more than ${UNIT_FIXES_READ.toLocaleString('en-GB')} fixes in this window; export a shorter window`, [
          { path: 'from', message: 'a later start' },
        ]);
      }
      const fixes = thinFixes(read, q.everyS * 1000);
      if (fixes.length === 0) continue;
      total += fixes.length;
      if (total > EXPORT_LIMITS.trackFixes) {
        throw new ApiError(
          'invalid_input',
          `more than ${EXPORT_LIMITS.trackFixes.toLocaleString('en-GB')} fixes in this export; keep one fix per minute (everyS=60), export a shorter window or name fewer units`,
          [{ path: 'everyS', message: 'a longer spacing between fixes' }],
        );
      }
      tracks.push({ unitId: unit.id, callsign: unit.callsign, type: unit.type, fieldOffice: unit.fieldOffice, fixes });
    }
    const exportedBy = actorOf(req);
    const file: TrackExport = { tracks, from, to, exportedAt: now, exportedBy };
    const filename = exportFilename('tracks', format, now);
    await audit.record({
      actor: exportedBy,
      action: 'export.tracks',
      target: filename,
      details: { format, from, to, units: tracks.length, rows: total, everyS: q.everyS, ...(named ? { unitIds: q.unitIds } : {}) },
    });
    startFile(res, filename, format, total);
    await writeChunks(res, format === 'geojson' ? tracksGeoJson(file) : format === 'kml' ? tracksKml(file) : tracksCsv(file));
  });

  // A snapshot is composed in the browser from what is on the screen; the server records who took it.
  router.post('/snapshots', requirePermission('map:read'), jsonBody('16kb'), async (req, res) => {
    requirePerson(req);
    const record = parseInput(SnapshotRecord, req.body, 'the snapshot record');
    await audit.record({ actor: actorOf(req), action: 'export.map-snapshot', target: record.filename, details: { ...record } });
    const reply: SnapshotRecorded = { recorded: true };
    sendOk(res, reply, 201);
  });

  router.use((req, _res, next) => next(new ApiError('not_found', `no export ${req.method} ${req.path}; see /api/export/incidents.{geojson,kml,csv} and /api/export/tracks.{geojson,kml,csv}`)));
  return router;
}
