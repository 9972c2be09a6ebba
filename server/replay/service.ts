import type { IncidentRecord, IncidentSummary } from '../../shared/incidents.js';
import { REPLAY_LOOKBACK_MS, REPLAY_TRACKS_MAX_MS, activityAt, type ActivitySpan, type ReplayRange, type ReplayState, type ReplayTracks } from '../../shared/replay.js';
import { FieldOfficeId, type FieldOfficeFeature } from '../../shared/sites.js';
import { UnitType, type Unit } from '../../shared/units.js';
import { nearestFieldOffice } from '../../geo/nearest.js';
import { nearestSite, type SiteIndex } from '../../geo/rules/index.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { IncidentAssignmentsTable, IncidentsTable } from '../db/schema.js';
import { recordFromRow } from '../incidents/service.js';
import { summarise } from '../incidents/redaction.js';
import { linkStatus, type TrackingPolicy } from '../tracking/status.js';
import { ReplayHistory, TooManyFixes, type FixRow } from './history.js';
import { incidentVersions, respondingSpans, versionAt, type IncidentVersion, type PlaceOf } from './incidents.js';

/** The most fixes one tracks answer carries: about 2 h of 1,000 units reporting every 10 s. */
const MAX_TRACK_ROWS = 800_000;

/** A request replay cannot answer (a moment outside what it keeps, too many fixes): the message says why. */
export class ReplayRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReplayOptions {
  /** how far back replay reaches, hours */
  hours: number;
  tracking: TrackingPolicy;
  offices: readonly FieldOfficeFeature[];
  sites: SiteIndex;
}

/** Keeps the first fix, then each one at least `stepMs` after the last kept, and the last. */
export function thinFixes(fixes: readonly FixRow[], stepMs: number): FixRow[] {
  if (stepMs <= 0 || fixes.length <= 2) return [...fixes];
  const kept: FixRow[] = [];
  let lastTime = -Infinity;
  for (const f of fixes) {
    if (f[0] - lastTime >= stepMs) {
      kept.push(f);
      lastTime = f[0];
    }
  }
  const last = fixes[fixes.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * The map as it was: units at their last fix and incidents as they stood, at any moment in the
 * last `hours`, redacted for whoever asks exactly as the live picture is.
 */
export class ReplayService {
  private readonly history: ReplayHistory;
  private readonly placeOf: PlaceOf;
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly options: ReplayOptions,
  ) {
    this.history = new ReplayHistory(db);
    this.names = new Map(options.sites.sites.map((s) => [s.properties.id, s.properties.name]));
    // As the incident service places an incident (server/incidents/service.ts).
    this.placeOf = (location) => {
      const at: [number, number] = [location.lon, location.lat];
      const poc = nearestSite(options.sites, at).pocSite;
      const office = nearestFieldOffice(options.offices, at)?.office.properties.id;
      return {
        fieldOffice: office === undefined ? null : FieldOfficeId.parse(office),
        nearestSite: poc ? { id: poc.site.properties.id, name: poc.site.properties.name, distanceKm: Math.round(poc.distanceKm * 100) / 100 } : null,
      };
    };
  }

  range(): ReplayRange {
    const to = this.clock.now();
    return {
      from: to - Math.round(this.options.hours * 3600_000),
      to,
      hours: this.options.hours,
      lookbackMs: REPLAY_LOOKBACK_MS,
      maxTracksMs: REPLAY_TRACKS_MAX_MS,
    };
  }

  /** Refuses a moment replay does not cover, naming the field and the range. */
  private check(field: string, at: number, range: ReplayRange): void {
    const span = `replay covers the last ${range.hours} h: from ${new Date(range.from).toISOString()} to ${new Date(range.to).toISOString()} (epoch ms ${range.from} to ${range.to})`;
    if (at < range.from) throw new ReplayRefused(field, `${field} is before what replay keeps; ${span}`);
    // A screen's clock a little ahead of the server's is allowed for.
    if (at > range.to + 60_000) throw new ReplayRefused(field, `${field} is in the future; ${span}`);
  }

  async state(at: number, needToKnow: boolean): Promise<ReplayState> {
    const range = this.range();
    this.check('at', at, range);
    const [fixes, sos, incidents] = await Promise.all([
      this.history.fixesAt(at, at - REPLAY_LOOKBACK_MS),
      this.history.sosSpans(at, at),
      this.history.incidentsReportedBy(at),
    ]);
    const versions = await this.versionsOf(incidents, at);
    const spans: ActivitySpan[] = [...sos.map((s) => ({ ...s, activity: 'sos' as const })), ...this.respondingOf(versions)];

    const units: Unit[] = [];
    for (const r of fixes) {
      const type = UnitType.safeParse(r.type);
      const office = FieldOfficeId.safeParse(r.fieldOffice);
      if (!type.success || !office.success) continue;
      let status = linkStatus(r.fix.time, at, this.options.tracking.thresholds[type.data]);
      if (status === 'live' && r.fix.staleAt !== undefined && at > r.fix.staleAt) status = 'stale';
      units.push({
        id: r.id,
        callsign: r.callsign,
        type: type.data,
        fieldOffice: office.data,
        ...(r.group ? { group: r.group } : {}),
        activity: activityAt(spans, r.id, at),
        status,
        last: r.fix,
      });
    }

    const shown: IncidentSummary[] = [];
    for (const v of versions.values()) {
      const record = versionAt(v, at);
      if (record) shown.push(summarise(record, needToKnow));
    }
    shown.sort((a, b) => b.reportedAt - a.reportedAt);
    return { at, range, units, incidents: shown };
  }

  async tracks(from: number, to: number, everyS: number, needToKnow: boolean): Promise<ReplayTracks> {
    const range = this.range();
    this.check('from', from, range);
    this.check('to', to, range);
    const [fixes, sos, incidents] = await Promise.all([
      this.history.fixesBetween(from, to, MAX_TRACK_ROWS, everyS * 1000).catch((err: unknown) => {
        if (err instanceof TooManyFixes) throw new ReplayRefused('to', `${err.message}: ask for a shorter window, or one fix in more seconds (everyS)`);
        throw err;
      }),
      this.history.sosSpans(from, to),
      this.history.incidentsActiveBetween(from, to),
    ]);
    const versions = await this.versionsOf(incidents, to);

    const changes: ReplayTracks['incidents'] = [];
    for (const v of versions.values()) {
      for (const version of v) {
        if (version.time > from && version.time <= to) changes.push({ time: version.time, incident: summarise(version.record, needToKnow) });
      }
    }
    changes.sort((a, b) => a.time - b.time);

    const units: ReplayTracks['units'] = [];
    for (const [unitId, rows] of fixes) {
      units.push({
        unitId,
        // A tenth of a metre, a tenth of a metre per second, a degree, a metre: no more than the trackers tell.
        fixes: thinFixes(rows, everyS * 1000).map(([t, lon, lat, speed, heading, accuracy, flag]) => [
          t,
          round(lon, 6) ?? lon,
          round(lat, 6) ?? lat,
          round(speed, 1),
          round(heading, 0),
          round(accuracy, 0),
          flag,
        ]),
      });
    }
    const activities: ActivitySpan[] = [...sos.map((s) => ({ ...s, activity: 'sos' as const })), ...this.respondingOf(versions)].filter(
      (s) => s.from <= to && (s.until === null || s.until > from),
    );
    return { from, to, everyS, units, incidents: changes, activities };
  }

  private async versionsOf(incidents: readonly { row: IncidentsTable; assignments: IncidentAssignmentsTable[] }[], upTo: number): Promise<Map<string, IncidentVersion[]>> {
    const timelines = await this.history.timelines(
      incidents.map((i) => i.row.id),
      upTo,
    );
    const versions = new Map<string, IncidentVersion[]>();
    for (const { row, assignments } of incidents) {
      const now: IncidentRecord = recordFromRow(row, this.names, assignments);
      versions.set(row.id, incidentVersions(now, timelines.get(row.id) ?? [], this.placeOf));
    }
    return versions;
  }

  private respondingOf(versions: ReadonlyMap<string, readonly IncidentVersion[]>): ActivitySpan[] {
    const spans: ActivitySpan[] = [];
    for (const v of versions.values()) for (const s of respondingSpans(v)) spans.push({ ...s, activity: 'responding' });
    return spans;
  }
}
