import type { IncidentSummary } from '../../shared/incidents.js';
import { activityAt, type ActivitySpan, type ReplayFixRow, type ReplayState, type ReplayTracks } from '../../shared/replay.js';
import type { Activity, Fix, LinkStatus, Unit } from '../../shared/units.js';
import { statusByAge, type StatusPolicy } from '../state/status.js';

/** What a unit is, whatever the moment: its id, callsign, type, office and team. */
export type Registration = Pick<Unit, 'id' | 'callsign' | 'type' | 'fieldOffice' | 'group'>;

/** The picture at one moment, as the map layers draw it. */
export interface Picture {
  at: number;
  units: ReadonlyMap<string, Unit>;
  incidents: ReadonlyMap<string, IncidentSummary>;
}

export function fixFromRow([time, lon, lat, speed, heading, accuracy, implausible]: ReplayFixRow): Fix {
  const fix: Fix = { time, lat, lon };
  if (speed !== null) fix.speed = speed;
  if (heading !== null) fix.heading = heading;
  if (accuracy !== null) fix.accuracy = accuracy;
  if (implausible === 1) fix.implausible = true;
  return fix;
}

/** The index of the last fix at or before `t` in a time-ordered list, or -1. */
export function lastAtOrBefore(fixes: readonly Fix[], t: number): number {
  let lo = 0;
  let hi = fixes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((fixes[mid]?.time ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const spanKey = (s: ActivitySpan) => `${s.unitId}\u0000${s.activity}\u0000${s.from}`;

/**
 * The history one screen holds for replay: the picture at a starting moment (from
 * `/api/replay/state`) and what changed after it, window by window (from `/api/replay/tracks`).
 * Any moment from the start to the end of what is loaded can be drawn without asking the server.
 */
export class ReplayTimeline {
  /** the moment the base picture is of */
  private baseAt: number;
  private readonly registrations = new Map<string, Registration>();
  private readonly baseFixes = new Map<string, Fix>();
  private readonly baseStatus = new Map<string, LinkStatus>();
  private readonly baseActivity = new Map<string, Activity>();
  private readonly baseIncidents = new Map<string, IncidentSummary>();
  /** fixes after the base moment, oldest first, per unit */
  private readonly fixes = new Map<string, Fix[]>();
  /** incident versions after the base moment, oldest first */
  private changes: { time: number; incident: IncidentSummary }[] = [];
  private readonly spans = new Map<string, ActivitySpan>();
  private spansKnown = false;
  /** fixes and changes are known up to this moment */
  private known: number;
  /** some window held fewer fixes than were reported (a fast replay) */
  private thin = false;
  /** units drawn last time, reused when nothing about them changed */
  private drawn = new Map<string, Unit>();

  constructor(
    state: ReplayState,
    private readonly lookbackMs: number,
  ) {
    this.baseAt = state.at;
    this.known = state.at;
    for (const unit of state.units) {
      const { status, activity, last, ...registration } = unit;
      this.registrations.set(unit.id, registration);
      if (last) this.baseFixes.set(unit.id, last);
      this.baseStatus.set(unit.id, status);
      this.baseActivity.set(unit.id, activity);
    }
    for (const incident of state.incidents) this.baseIncidents.set(incident.id, incident);
  }

  /** The first and last moments this timeline can draw. */
  get from(): number {
    return this.baseAt;
  }
  get to(): number {
    return this.known;
  }
  /** Whether any loaded window was thinned, so positions between its fixes are approximate. */
  get thinned(): boolean {
    return this.thin;
  }

  covers(t: number): boolean {
    return t >= this.baseAt && t <= this.known;
  }

  /**
   * Adds a window that starts where the loaded history ends (or before: what is already known
   * is not taken twice).
   */
  append(tracks: ReplayTracks): void {
    if (tracks.from > this.known) throw new Error(`a window from ${tracks.from} leaves a gap after ${this.known}`);
    for (const { unitId, fixes } of tracks.units) {
      let list = this.fixes.get(unitId);
      if (!list) this.fixes.set(unitId, (list = []));
      const after = list.at(-1)?.time ?? this.baseFixes.get(unitId)?.time ?? -Infinity;
      for (const row of fixes) if (row[0] > after && row[0] > this.baseAt) list.push(fixFromRow(row));
    }
    for (const change of tracks.incidents) if (change.time > this.known) this.changes.push(change);
    for (const span of tracks.activities) this.spans.set(spanKey(span), span);
    this.spansKnown = true;
    if (tracks.everyS > 0) this.thin = true;
    this.known = Math.max(this.known, tracks.to);
  }

  /**
   * Folds everything before `cut` into the base picture, so a long replay does not keep every
   * fix it has passed.
   */
  forgetBefore(cut: number): void {
    if (cut <= this.baseAt) return;
    const until = Math.min(cut, this.known);
    for (const [unitId, list] of this.fixes) {
      const i = lastAtOrBefore(list, until);
      if (i < 0) continue;
      const fix = list[i];
      if (fix) this.baseFixes.set(unitId, fix);
      list.splice(0, i + 1);
    }
    const passed = this.changes.filter((c) => c.time <= until);
    for (const c of passed) this.baseIncidents.set(c.incident.id, c.incident);
    this.changes = this.changes.slice(passed.length);
    this.baseAt = until;
  }

  /**
   * The picture at `t` (held to what is loaded): each unit at its last fix then, unless silent
   * longer than the lookback, with its status by the age of that fix and its activity then;
   * each incident as it stood.
   */
  pictureAt(t: number, roster: ReadonlyMap<string, Registration>, policy: StatusPolicy): Picture {
    const at = Math.min(Math.max(t, this.baseAt), this.known);
    const units = new Map<string, Unit>();
    const ids = new Set([...this.baseFixes.keys(), ...this.fixes.keys()]);
    const spans = [...this.spans.values()];
    for (const id of ids) {
      const list = this.fixes.get(id);
      const i = list ? lastAtOrBefore(list, at) : -1;
      const fix = (i >= 0 ? list?.[i] : undefined) ?? this.baseFixes.get(id);
      if (!fix || at - fix.time > this.lookbackMs) continue;
      const registration = this.registrations.get(id) ?? roster.get(id);
      if (!registration) continue;
      const thresholds = policy?.[registration.type];
      let status: LinkStatus = thresholds ? statusByAge(at - fix.time, thresholds) : (this.baseStatus.get(id) ?? 'live');
      if (status === 'live' && fix.staleAt !== undefined && at > fix.staleAt) status = 'stale';
      const activity: Activity = this.spansKnown ? activityAt(spans, id, at) : (this.baseActivity.get(id) ?? 'on-patrol');
      const before = this.drawn.get(id);
      const unit =
        before && before.last === fix && before.status === status && before.activity === activity && before.callsign === registration.callsign
          ? before
          : { ...registration, activity, status, last: fix };
      units.set(id, unit);
    }
    this.drawn = units;

    const incidents = new Map(this.baseIncidents);
    for (const change of this.changes) {
      if (change.time > at) break;
      incidents.set(change.incident.id, change.incident);
    }
    return { at, units, incidents };
  }
}
