import type { Activity, Fix, UnitRegistration } from '../../shared/units.js';

/** A unit as the store keeps it: its registration, what it last said of itself, its newest fix. */
export interface StoredUnit extends UnitRegistration {
  group?: string;
  activity: Activity;
  last: Fix | null;
}

/** One fix to append to a unit's history. */
export interface HistoryRow {
  unitId: string;
  fix: Fix;
}

/** A unit whose live position moves forward with this batch. */
export interface LatestUpdate {
  unitId: string;
  fix: Fix;
  activity: Activity;
}

/**
 * The persistence boundary for units and their positions. Asynchronous so that a networked database can stand behind it;
 * every method is atomic on its own.
 */
export interface TrackingStore {
  /** Adds units or changes their callsign, type and office; keeps their positions. */
  upsertUnits(units: readonly UnitRegistration[]): Promise<void>;
  listUnits(): Promise<StoredUnit[]>;
  setActivity(unitId: string, activity: Activity): Promise<void>;
  /** What a device calls itself: its callsign and team, as a TAK device announces them. */
  setIdentity(unitId: string, callsign: string, group: string | null): Promise<void>;
  /** The units with these ids that are on the roster. */
  findUnits(ids: readonly string[]): Promise<StoredUnit[]>;
  /**
   * Appends fixes to history, ignoring any already stored for the same unit and time, and moves
   * each unit's latest position forward (never back) — all in one transaction.
   * Returns how many history rows were new.
   */
  appendPositions(rows: readonly HistoryRow[], latest: readonly LatestUpdate[]): Promise<number>;
  /** A unit's fixes in [from, to], oldest first. */
  track(unitId: string, from: number, to: number, limit: number): Promise<Fix[]>;
  /** Every unit's fixes since `from`, oldest first, as compact rows: [time, lon, lat]. */
  trails(from: number, to: number, maxPoints: number): Promise<Map<string, [number, number, number][]>>;
  /** Deletes history older than `before`; returns how many fixes went. */
  pruneHistory(before: number): Promise<number>;
}
