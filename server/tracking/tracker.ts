import type { PositionBatchResult, PositionReport } from '../../shared/positions.js';
import type { FieldIssue } from '../../shared/reply.js';
import type { Activity, Fix, LinkStatus, Unit, UnitRegistration } from '../../shared/units.js';
import type { Clock } from '../clock.js';
import type { HistoryRow, LatestUpdate, StoredUnit, TrackingStore } from '../store/store.js';
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import { linkStatus, type TrackingPolicy } from './status.js';

export type IngestOutcome =
  | { ok: true; result: PositionBatchResult }
  | { ok: false; code: 'unknown_unit'; issues: FieldIssue[] };

type ChangeListener = (unitIds: ReadonlySet<string>) => void;

/** What a unit was before a change of status or activity. */
export interface UnitBefore {
  status: LinkStatus;
  activity: Activity;
}
type TransitionListener = (unit: Unit, before: UnitBefore) => void;

/**
 * A change this process stored, told to the other server nodes so their live pictures follow
 * (they apply it with `applyFromElsewhere`, without storing it again).
 */
export type TrackerChange =
  | { kind: 'fixes'; updates: LatestUpdate[] }
  | { kind: 'activity'; unitId: string; activity: Activity }
  | { kind: 'identity'; unitId: string; callsign: string; group: string | null }
  | { kind: 'registered'; units: UnitRegistration[] };
type StoredListener = (change: TrackerChange) => void;

function fixOf(r: PositionReport): Fix {
  const fix: Fix = { time: r.time, lat: r.lat, lon: r.lon };
  if (r.speed !== undefined) fix.speed = r.speed;
  if (r.heading !== undefined) fix.heading = r.heading;
  if (r.accuracy !== undefined) fix.accuracy = r.accuracy;
  if (r.altitude !== undefined) fix.altitude = r.altitude;
  if (r.battery !== undefined) fix.battery = r.battery;
  if (r.staleAt !== undefined) fix.staleAt = r.staleAt;
  return fix;
}

/**
 * The live picture: every unit on the roster with its newest position, kept in memory and
 * written through to the store. A fix older than the live one goes to history only, so the
 * marker never moves backwards.
 */
export class Tracker {
  private readonly units = new Map<string, StoredUnit>();
  private readonly statuses = new Map<string, LinkStatus>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly transitionListeners = new Set<TransitionListener>();
  private readonly storedListeners = new Set<StoredListener>();

  private constructor(
    private readonly store: TrackingStore,
    private readonly clock: Clock,
    private readonly policy: TrackingPolicy,
  ) {}

  static async load(store: TrackingStore, clock: Clock, policy: TrackingPolicy): Promise<Tracker> {
    const tracker = new Tracker(store, clock, policy);
    const now = clock.now();
    for (const unit of await store.listUnits()) {
      tracker.units.set(unit.id, unit);
      tracker.statuses.set(unit.id, tracker.statusOf(unit, now));
    }
    return tracker;
  }

  private statusOf(unit: StoredUnit, now: number): LinkStatus {
    const status = linkStatus(unit.last?.time ?? null, now, this.policy.thresholds[unit.type]);
    // A sender that said when its report stops being current is taken at its word.
    if (status === 'live' && unit.last?.staleAt !== undefined && now > unit.last.staleAt) return 'stale';
    return status;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told when a unit's status (live, stale, lost) or its self-reported activity changes. */
  onTransition(listener: TransitionListener): () => void {
    this.transitionListeners.add(listener);
    return () => this.transitionListeners.delete(listener);
  }

  /** Told of every change this process stored itself (not of those applied from elsewhere). */
  onStored(listener: StoredListener): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  private stored(change: TrackerChange): void {
    for (const listener of this.storedListeners) listener(change);
  }

  /**
   * A change another server node stored: the live picture follows it as if it had come here
   * (screens and watchers are told), but nothing is written, since it is stored already.
   */
  async applyFromElsewhere(change: TrackerChange): Promise<void> {
    switch (change.kind) {
      case 'registered':
        this.remember(change.units);
        return;
      case 'fixes':
        await this.adoptRegisteredElsewhere(change.updates.map((u) => u.unitId));
        this.moveForward(change.updates);
        return;
      case 'activity': {
        await this.adoptRegisteredElsewhere([change.unitId]);
        const unit = this.units.get(change.unitId);
        if (!unit || unit.activity === change.activity) return;
        const before: UnitBefore = { status: this.statuses.get(change.unitId) ?? 'unknown', activity: unit.activity };
        unit.activity = change.activity;
        this.emit(new Set([change.unitId]));
        this.transition(change.unitId, before);
        return;
      }
      case 'identity': {
        await this.adoptRegisteredElsewhere([change.unitId]);
        const unit = this.units.get(change.unitId);
        if (!unit) return;
        unit.callsign = change.callsign;
        if (change.group) unit.group = change.group;
        this.emit(new Set([change.unitId]));
        return;
      }
    }
  }

  private transition(unitId: string, before: UnitBefore): void {
    const unit = this.unit(unitId);
    if (!unit || (unit.status === before.status && unit.activity === before.activity)) return;
    for (const listener of this.transitionListeners) listener(unit, before);
  }

  get size(): number {
    return this.units.size;
  }

  has(unitId: string): boolean {
    return this.units.has(unitId);
  }

  async register(roster: readonly UnitRegistration[]): Promise<void> {
    await this.store.upsertUnits(roster);
    this.remember(roster);
    this.stored({ kind: 'registered', units: roster.map((r) => ({ id: r.id, callsign: r.callsign, type: r.type, fieldOffice: r.fieldOffice })) });
  }

  private remember(roster: readonly UnitRegistration[]): void {
    const changed = new Set<string>();
    for (const reg of roster) {
      const existing = this.units.get(reg.id);
      this.units.set(reg.id, existing ? { ...existing, ...reg } : { ...reg, activity: 'on-patrol', last: null });
      if (!existing) this.statuses.set(reg.id, 'unknown');
      changed.add(reg.id);
    }
    this.emit(changed);
  }

  /**
   * Takes a batch of validated reports. Every unit must be on the roster, or nothing is stored.
   * Duplicates (same unit and time) are dropped without error, so a device may resend safely.
   */
  async ingest(reports: readonly PositionReport[]): Promise<IngestOutcome> {
    await this.adoptRegisteredElsewhere(reports.map((r) => r.unitId));
    const unknown: FieldIssue[] = [];
    reports.forEach((r, i) => {
      if (!this.units.has(r.unitId)) {
        unknown.push({ path: `reports[${i}].unitId`, message: `unknown unit "${r.unitId}": register it first` });
      }
    });
    if (unknown.length > 0) return { ok: false, code: 'unknown_unit', issues: unknown };

    const seen = new Set<string>();
    const rows: HistoryRow[] = [];
    const newest = new Map<string, PositionReport>();
    const newestRow = new Map<string, HistoryRow>();
    const rejected: { index: number; reason: string }[] = [];
    const latestAllowed = this.clock.now() + this.policy.maxClockSkewMs;
    let duplicates = 0;
    for (const [index, r] of reports.entries()) {
      if (r.time > latestAllowed) {
        rejected.push({ index, reason: `time ${new Date(r.time).toISOString()} is ${Math.round((r.time - latestAllowed + this.policy.maxClockSkewMs) / 1000)} s ahead of the server's clock; check the tracker's clock` });
        continue;
      }
      const key = `${r.unitId}\u0000${r.time}`;
      if (seen.has(key)) {
        duplicates += 1;
        continue;
      }
      seen.add(key);
      const row = { unitId: r.unitId, fix: fixOf(r) };
      rows.push(row);
      const best = newest.get(r.unitId);
      if (!best || r.time > best.time) {
        newest.set(r.unitId, r);
        newestRow.set(r.unitId, row);
      }
    }

    const latest: LatestUpdate[] = [];
    for (const [unitId, r] of newest) {
      const unit = this.units.get(unitId);
      const liveTime = unit?.last?.time ?? -Infinity;
      if (unit && r.time > liveTime) {
        const fix = fixOf(r);
        if (unit.last && this.impliedSpeedMps(unit.last, fix) > this.policy.maxSpeedMps[unit.type]) {
          fix.implausible = true;
          const row = newestRow.get(unitId);
          if (row) row.fix.implausible = true;
        }
        latest.push({ unitId, fix, activity: r.activity ?? unit.activity });
      }
    }

    const inserted = await this.store.appendPositions(rows, latest);
    duplicates += rows.length - inserted;

    const moved = this.moveForward(latest);
    const movedForward = moved.length;
    if (moved.length > 0) this.stored({ kind: 'fixes', updates: moved });

    return {
      ok: true,
      result: {
        accepted: inserted,
        duplicates,
        rejected,
        implausible: latest.filter((l) => l.fix.implausible).length,
        // Every new row that did not become a live position went to history only.
        historical: Math.max(0, inserted - movedForward),
      },
    };
  }

  /** What the patrol says of itself, whatever the age of the fix that said it (an SOS is never lost). */
  async setActivity(unitId: string, activity: Activity): Promise<void> {
    const unit = this.units.get(unitId);
    if (!unit || unit.activity === activity) return;
    const before: UnitBefore = { status: this.statuses.get(unitId) ?? 'unknown', activity: unit.activity };
    await this.store.setActivity(unitId, activity);
    unit.activity = activity;
    this.stored({ kind: 'activity', unitId, activity });
    this.emit(new Set([unitId]));
    this.transition(unitId, before);
  }

  /** A device announced its callsign or team (CoT contact and __group): screens show what it says. */
  async announceIdentity(unitId: string, callsign: string | undefined, group: string | undefined): Promise<void> {
    const unit = this.units.get(unitId);
    if (!unit) return;
    const nextCallsign = callsign?.trim() || unit.callsign;
    const nextGroup = group?.trim() || unit.group;
    if (nextCallsign === unit.callsign && nextGroup === unit.group) return;
    await this.store.setIdentity(unitId, nextCallsign, nextGroup ?? null);
    unit.callsign = nextCallsign;
    if (nextGroup) unit.group = nextGroup;
    this.stored({ kind: 'identity', unitId, callsign: nextCallsign, group: nextGroup ?? null });
    this.emit(new Set([unitId]));
  }

  /** Units put on the roster by another process (the admin CLI, another node) join the live picture. */
  private async adoptRegisteredElsewhere(unitIds: readonly string[]): Promise<void> {
    const missing = [...new Set(unitIds)].filter((id) => !this.units.has(id));
    if (missing.length === 0) return;
    const now = this.clock.now();
    for (const unit of await this.store.findUnits(missing)) {
      if (this.units.has(unit.id)) continue;
      this.units.set(unit.id, unit);
      this.statuses.set(unit.id, this.statusOf(unit, now));
    }
  }

  /** Moves units to their newer fixes; returns the updates that did (not those already overtaken). */
  private moveForward(updates: readonly LatestUpdate[]): LatestUpdate[] {
    const changed = new Set<string>();
    const before = new Map<string, UnitBefore>();
    const moved: LatestUpdate[] = [];
    for (const update of updates) {
      const unit = this.units.get(update.unitId);
      // Another batch may have moved this unit further while we awaited the store.
      if (!unit || (unit.last && unit.last.time >= update.fix.time)) continue;
      before.set(update.unitId, { status: this.statuses.get(update.unitId) ?? 'unknown', activity: unit.activity });
      unit.last = update.fix;
      unit.activity = update.activity;
      changed.add(update.unitId);
      moved.push(update);
    }
    const now = this.clock.now();
    for (const unitId of changed) this.refreshStatus(unitId, now, false);
    this.emit(changed);
    for (const [unitId, was] of before) this.transition(unitId, was);
    return moved;
  }

  /** Recomputes every unit's status; returns the ids whose status changed. */
  sweepStatuses(): Set<string> {
    const now = this.clock.now();
    const changed = new Set<string>();
    for (const unitId of this.units.keys()) {
      if (this.refreshStatus(unitId, now)) changed.add(unitId);
    }
    return changed;
  }

  unit(unitId: string): Unit | undefined {
    const u = this.units.get(unitId);
    return u ? { ...u, status: this.statuses.get(unitId) ?? 'unknown' } : undefined;
  }

  allUnits(): Unit[] {
    const out: Unit[] = [];
    for (const u of this.units.values()) out.push({ ...u, status: this.statuses.get(u.id) ?? 'unknown' });
    return out;
  }

  trails(from: number, to: number, maxPoints: number): Promise<Map<string, [number, number, number][]>> {
    return this.store.trails(from, to, maxPoints);
  }

  async track(unitId: string, from: number, to: number, limit: number): Promise<Fix[]> {
    return this.store.track(unitId, from, to, limit);
  }

  private refreshStatus(unitId: string, now: number, announce = true): boolean {
    const unit = this.units.get(unitId);
    if (!unit) return false;
    const next = this.statusOf(unit, now);
    const previous = this.statuses.get(unitId) ?? 'unknown';
    if (previous === next) return false;
    this.statuses.set(unitId, next);
    if (announce) this.transition(unitId, { status: previous, activity: unit.activity });
    return true;
  }

  /** Speed needed to get from one fix to the next, giving both the benefit of their stated accuracy. */
  private impliedSpeedMps(from: Fix, to: Fix): number {
    const seconds = Math.max((to.time - from.time) / 1000, 1);
    const metres = distance(point([from.lon, from.lat]), point([to.lon, to.lat]), { units: 'meters' });
    return Math.max(0, metres - (from.accuracy ?? 0) - (to.accuracy ?? 0)) / seconds;
  }

  private emit(changed: ReadonlySet<string>): void {
    if (changed.size === 0) return;
    for (const listener of this.listeners) listener(changed);
  }
}
