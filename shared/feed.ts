import { z } from 'zod';
import { Alert, AlertsSnapshot } from './alerts.js';
import { IncidentSummary } from './incidents.js';
import type { PatrolOrder, PatrolsSnapshot } from './patrols.js';
import { Activity, LinkStatus, Unit, type Fix } from './units.js';

/**
 * The live feed. A snapshot gives every unit in full, each with a small `key`; then, once per
 * tick, a delta gives only what changed: full records for new or renamed units (`meta`) and one
 * compact row of numbers for each unit that moved or changed status (`rows`).
 *
 * Every message to a screen carries `seq`, and a delta also `prev`, the seq of the message that
 * screen got before it: when `prev` is not what the screen last saw, it asks for a snapshot.
 * A screen on a slow link may receive fewer deltas, each merging what it missed; nothing a
 * unit did is lost, only its intermediate positions.
 */
export const KeyedUnit = Unit.extend({ key: z.number().int().nonnegative() });
export type KeyedUnit = z.infer<typeof KeyedUnit>;

export const UnitsSnapshot = z.object({
  seq: z.number().int().nonnegative(),
  /** server time of the snapshot, epoch ms */
  time: z.number().int(),
  units: z.array(KeyedUnit),
});
export type UnitsSnapshot = z.infer<typeof UnitsSnapshot>;

const Int = z.number().int();
/** -1 where a value is absent */
const IntOrNone = z.number().int().min(-1);

/**
 * One unit's state in 12 numbers:
 * [key, fix time − message time (ms), lat×10⁶, lon×10⁶, speed (cm/s), heading (0.1°),
 *  accuracy (dm), battery (%), status code, activity code, flags (1 = implausible),
 *  sender's stale time − message time (ms)].
 * Fix time, lat and lon are null for a unit that has never reported; the stale time is left
 * out when the sender gave none.
 */
export const UnitRow = z.tuple([
  Int.nonnegative(),
  Int.nullable(),
  Int.nullable(),
  Int.nullable(),
  IntOrNone,
  IntOrNone,
  IntOrNone,
  IntOrNone,
  Int.min(0).max(LinkStatus.options.length - 1),
  Int.min(0).max(Activity.options.length - 1),
  Int.min(0),
  Int.optional(),
]);
export type UnitRow = z.infer<typeof UnitRow>;

const FLAG_IMPLAUSIBLE = 1;
// Flags that exist only in the packed form (see packRows).
const PACKED_NO_FIX = 2;
const PACKED_NO_STALE = 4;
const PACKED_DT_SECONDS = 8;
const PACKED_STALE_SECONDS = 16;
const ROW_FLAGS = FLAG_IMPLAUSIBLE;

/** Bytes per row on the wire. */
export const PACKED_ROW_BYTES = 30;
const U16_NONE = 0xffff;
const U8_NONE = 0xff;
const I32_MAX = 0x7fffffff;

/**
 * Rows travel as one binary attachment per delta, 30 bytes a unit, little-endian:
 * key u32 · fix time − message time i32 (ms; seconds past ±24 days, flagged) · lat×10⁶ i32 ·
 * lon×10⁶ i32 · speed cm/s u16 · heading 0.1° u16 · accuracy dm u16 (0xFFFF none; speed and
 * accuracy held at the largest value below it) · battery u8 (0xFF none) · status u8 ·
 * activity u8 · flags u8 · stale time − message time i32 (as the fix time).
 * The same numbers as JSON took about 50 bytes a unit: at 2,000 units a second this is the
 * difference a VSAT-fed field office notices.
 */
export function packRows(rows: readonly UnitRow[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(rows.length * PACKED_ROW_BYTES);
  const view = new DataView(bytes.buffer);
  const u16 = (v: number) => (v < 0 ? U16_NONE : Math.min(v, U16_NONE - 1));
  // A time difference in ms, or in seconds when ms would not fit in 32 bits.
  const wide = (v: number) => Math.abs(v) > I32_MAX;
  const i32Time = (v: number) => (wide(v) ? Math.max(-I32_MAX, Math.min(I32_MAX, Math.round(v / 1000))) : v);
  rows.forEach((row, i) => {
    const [key, dt, lat6, lon6, speed, heading, accuracy, battery, status, activity, flags, staleDt] = row;
    const o = i * PACKED_ROW_BYTES;
    let packedFlags = flags & ROW_FLAGS;
    const noFix = dt === null || lat6 === null || lon6 === null;
    if (noFix) packedFlags |= PACKED_NO_FIX;
    else if (wide(dt)) packedFlags |= PACKED_DT_SECONDS;
    if (staleDt === undefined) packedFlags |= PACKED_NO_STALE;
    else if (wide(staleDt)) packedFlags |= PACKED_STALE_SECONDS;
    view.setUint32(o, key, true);
    view.setInt32(o + 4, noFix ? 0 : i32Time(dt), true);
    view.setInt32(o + 8, noFix ? 0 : lat6, true);
    view.setInt32(o + 12, noFix ? 0 : lon6, true);
    view.setUint16(o + 16, u16(speed), true);
    view.setUint16(o + 18, u16(heading), true);
    view.setUint16(o + 20, u16(accuracy), true);
    view.setUint8(o + 22, battery < 0 ? U8_NONE : Math.min(battery, U8_NONE - 1));
    view.setUint8(o + 23, status);
    view.setUint8(o + 24, activity);
    view.setUint8(o + 25, packedFlags);
    view.setInt32(o + 26, staleDt === undefined ? 0 : i32Time(staleDt), true);
  });
  return bytes;
}

/** The rows of a packed delta, or why they cannot be read. */
export function unpackRows(bytes: Uint8Array): UnitRow[] | string {
  if (bytes.byteLength % PACKED_ROW_BYTES !== 0) return `${bytes.byteLength} bytes is not a whole number of ${PACKED_ROW_BYTES}-byte rows`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: UnitRow[] = [];
  for (let o = 0; o < bytes.byteLength; o += PACKED_ROW_BYTES) {
    const flags = view.getUint8(o + 25);
    const status = view.getUint8(o + 23);
    const activity = view.getUint8(o + 24);
    if (status >= LinkStatus.options.length) return `row ${o / PACKED_ROW_BYTES}: link status ${status} is unknown`;
    if (activity >= Activity.options.length) return `row ${o / PACKED_ROW_BYTES}: activity ${activity} is unknown`;
    const noFix = (flags & PACKED_NO_FIX) !== 0;
    const dt = view.getInt32(o + 4, true) * (flags & PACKED_DT_SECONDS ? 1000 : 1);
    const opt16 = (v: number) => (v === U16_NONE ? -1 : v);
    const battery = view.getUint8(o + 22);
    const row: UnitRow = [
      view.getUint32(o, true),
      noFix ? null : dt,
      noFix ? null : view.getInt32(o + 8, true),
      noFix ? null : view.getInt32(o + 12, true),
      opt16(view.getUint16(o + 16, true)),
      opt16(view.getUint16(o + 18, true)),
      opt16(view.getUint16(o + 20, true)),
      battery === U8_NONE ? -1 : battery,
      status,
      activity,
      flags & ROW_FLAGS,
    ];
    if (!(flags & PACKED_NO_STALE)) row.push(view.getInt32(o + 26, true) * (flags & PACKED_STALE_SECONDS ? 1000 : 1));
    rows.push(row);
  }
  return rows;
}

/** Rows as they arrive: a Buffer in Node, an ArrayBuffer in the browser. */
const PackedRows = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
  .transform((raw, ctx) => {
    const rows = unpackRows(raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw);
    if (typeof rows === 'string') {
      ctx.addIssue({ code: 'custom', message: rows });
      return z.NEVER;
    }
    return rows;
  });

/**
 * A delta as the server sends it (`rows` packed) and, once parsed, as a screen uses it
 * (`rows` as UnitRow tuples).
 */
export const UnitsDelta = z.object({
  seq: z.number().int().nonnegative(),
  /** the seq of the message this screen received before this one */
  prev: z.number().int().nonnegative(),
  time: z.number().int(),
  /** units that are new, or whose callsign, type, office or group changed */
  meta: z.array(KeyedUnit),
  rows: PackedRows,
});
export type UnitsDelta = z.output<typeof UnitsDelta>;
export type UnitsDeltaWire = z.input<typeof UnitsDelta>;

const orNone = (v: number | undefined, scale: number) => (v === undefined ? -1 : Math.round(v * scale));

/** Encodes a unit's live state as a row, relative to the message's time. */
export function encodeRow(key: number, unit: Unit, time: number): UnitRow {
  const f = unit.last;
  const row: UnitRow = [
    key,
    f ? f.time - time : null,
    f ? Math.round(f.lat * 1e6) : null,
    f ? Math.round(f.lon * 1e6) : null,
    orNone(f?.speed, 100),
    orNone(f?.heading, 10),
    orNone(f?.accuracy, 10),
    orNone(f?.battery, 1),
    LinkStatus.options.indexOf(unit.status),
    Activity.options.indexOf(unit.activity),
    f?.implausible ? FLAG_IMPLAUSIBLE : 0,
  ];
  if (f?.staleAt !== undefined) row.push(f.staleAt - time);
  return row;
}

/**
 * Applies a row to the unit it describes. Altitude is kept only while the fix is the same one;
 * a new fix comes without it (a snapshot has it in full).
 */
export function decodeRow(row: UnitRow, time: number, previous: Unit): Unit {
  const [, dt, lat6, lon6, speed, heading, accuracy, battery, status, activity, flags, staleDt] = row;
  let last: Fix | null = null;
  if (dt !== null && lat6 !== null && lon6 !== null) {
    const fixTime = time + dt;
    last = { time: fixTime, lat: lat6 / 1e6, lon: lon6 / 1e6 };
    if (speed >= 0) last.speed = speed / 100;
    if (heading >= 0) last.heading = heading / 10;
    if (accuracy >= 0) last.accuracy = accuracy / 10;
    if (battery >= 0) last.battery = battery;
    if (flags & FLAG_IMPLAUSIBLE) last.implausible = true;
    if (staleDt !== undefined) last.staleAt = time + staleDt;
    const before = previous.last;
    if (before && before.time === fixTime && before.altitude !== undefined) last.altitude = before.altitude;
  }
  return {
    ...previous,
    last,
    status: LinkStatus.options[status] ?? 'unknown',
    activity: Activity.options[activity] ?? 'on-patrol',
  };
}

/**
 * A screen's copy of every unit, kept up to date from snapshots and deltas. Used by the browser
 * client and by the tests that play a dashboard.
 */
export class UnitMirror {
  readonly units = new Map<string, Unit>();
  private readonly idsByKey = new Map<number, string>();
  seq: number | null = null;

  applySnapshot(snapshot: UnitsSnapshot): Unit[] {
    this.units.clear();
    this.idsByKey.clear();
    for (const { key, ...unit } of snapshot.units) {
      this.units.set(unit.id, unit);
      this.idsByKey.set(key, unit.id);
    }
    this.seq = snapshot.seq;
    return [...this.units.values()];
  }

  /**
   * Applies a delta; returns the units it changed, and whether a message was missed before it
   * (then the caller asks for a snapshot). A row for an unknown key is skipped and counted as a gap.
   */
  applyDelta(delta: UnitsDelta): { changed: Unit[]; gap: boolean } {
    let gap = this.seq !== null && delta.prev !== this.seq;
    const changed = new Map<string, Unit>();
    for (const { key, ...unit } of delta.meta) {
      const before = this.units.get(unit.id);
      const merged = before ? { ...unit, last: unit.last ?? before.last } : unit;
      this.units.set(unit.id, merged);
      this.idsByKey.set(key, unit.id);
      changed.set(unit.id, merged);
    }
    for (const row of delta.rows) {
      const id = this.idsByKey.get(row[0]);
      const previous = id === undefined ? undefined : this.units.get(id);
      if (!previous || id === undefined) {
        gap = true;
        continue;
      }
      const next = decodeRow(row, delta.time, previous);
      this.units.set(id, next);
      changed.set(id, next);
    }
    this.seq = delta.seq;
    return { changed: [...changed.values()], gap };
  }
}

export const IncidentsSnapshot = z.object({ time: z.number().int(), incidents: z.array(IncidentSummary) });
export type IncidentsSnapshot = z.infer<typeof IncidentsSnapshot>;

/** Events the server sends to dashboards. */
export interface ServerToClientEvents {
  'units:snapshot': (snapshot: UnitsSnapshot) => void;
  'units:delta': (delta: UnitsDeltaWire) => void;
  'incidents:snapshot': (snapshot: IncidentsSnapshot) => void;
  'incident:created': (incident: IncidentSummary) => void;
  'incident:updated': (incident: IncidentSummary) => void;
  'alerts:snapshot': (snapshot: AlertsSnapshot) => void;
  'alert:raised': (alert: Alert) => void;
  'alert:updated': (alert: Alert) => void;
  'patrols:snapshot': (snapshot: PatrolsSnapshot) => void;
  /** a patrol order created, cancelled or moved on (activated, checkpoint reached or missed, overdue, completed) */
  'patrol:updated': (order: PatrolOrder) => void;
}

/** Events a dashboard sends. */
export interface ClientToServerEvents {
  'units:resync': (ack: (snapshot: UnitsSnapshot) => void) => void;
}
