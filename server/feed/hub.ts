import type { Server, Socket } from 'socket.io';
import {
  encodeRow,
  type ClientToServerEvents,
  type KeyedUnit,
  type ServerToClientEvents,
  type UnitRow,
  type UnitsDeltaWire,
  packRows,
  type UnitsSnapshot,
} from '../../shared/feed.js';
import type { Unit } from '../../shared/units.js';
import type { SessionPrincipal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';

export interface SocketData {
  principal: SessionPrincipal;
}

export type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const DASHBOARD_ROOM = 'dashboards';

/** What a screen has been sent, and what it is owed while its link cannot keep up. */
interface ScreenState {
  lastSeq: number;
  /** consecutive ticks at which its link was still busy writing */
  busyTicks: number;
  pendingMeta: Map<number, KeyedUnit>;
  pendingRows: Map<number, UnitRow>;
}

const identity = (u: Unit) => `${u.callsign}\u0000${u.type}\u0000${u.fieldOffice}\u0000${u.group ?? ''}`;

/**
 * Coalesces unit changes for one tick and sends them to every dashboard, encoded once for all
 * the screens that are keeping up. A screen whose link is still busy with earlier messages is
 * skipped; what it misses is merged (newest state per unit) and sent when its link is free, so
 * a slow screen costs the server at most one row per unit, never a growing queue.
 */
export class FeedHub {
  private seq = 0;
  private nextKey = 0;
  private readonly keys = new Map<string, number>();
  private readonly idsByKey = new Map<number, string>();
  private readonly identities = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly screens = new Map<string, ScreenState>();
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly io: FeedServer,
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly tickMs: number,
  ) {
    this.unsubscribe = tracker.onChange((ids) => {
      for (const id of ids) this.dirty.add(id);
    });
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe();
  }

  private keyOf(unitId: string): number {
    let key = this.keys.get(unitId);
    if (key === undefined) {
      key = this.nextKey++;
      this.keys.set(unitId, key);
      this.idsByKey.set(key, unitId);
    }
    return key;
  }

  /** Every unit in full; the screen is then up to date as of `seq`. */
  snapshot(): UnitsSnapshot {
    const units = this.tracker.allUnits().map((u) => {
      this.identities.set(u.id, identity(u));
      return { ...u, key: this.keyOf(u.id) };
    });
    return { seq: this.seq, time: this.clock.now(), units };
  }

  /** Sends a snapshot and starts following this screen. */
  attach(socket: FeedSocket): void {
    const snapshot = this.snapshot();
    this.screens.set(socket.id, { lastSeq: snapshot.seq, busyTicks: 0, pendingMeta: new Map(), pendingRows: new Map() });
    socket.emit('units:snapshot', snapshot);
    socket.on('disconnect', () => this.screens.delete(socket.id));
  }

  /** A fresh snapshot for a screen that asked (it saw a gap); its debts are settled by it. */
  resync(socket: FeedSocket): UnitsSnapshot {
    const snapshot = this.snapshot();
    this.screens.set(socket.id, { lastSeq: snapshot.seq, busyTicks: 0, pendingMeta: new Map(), pendingRows: new Map() });
    return snapshot;
  }

  /** How many units a screen is owed (at most one row each), for monitoring and tests. */
  owedTo(socketId: string): number {
    return this.screens.get(socketId)?.pendingRows.size ?? 0;
  }

  /** Sends what changed since the last tick. Public so tests can drive it. */
  tick(): void {
    for (const id of this.tracker.sweepStatuses()) this.dirty.add(id);
    const time = this.clock.now();
    const meta: KeyedUnit[] = [];
    const rows: UnitRow[] = [];
    for (const id of this.dirty) {
      const unit = this.tracker.unit(id);
      if (!unit) continue;
      const key = this.keyOf(id);
      const signature = identity(unit);
      if (this.identities.get(id) !== signature) {
        this.identities.set(id, signature);
        meta.push({ ...unit, key });
      }
      rows.push(encodeRow(key, unit, time));
    }
    this.dirty.clear();
    const hasNews = rows.length > 0;
    const previous = this.seq;
    if (hasNews) this.seq += 1;

    const behind: FeedSocket[] = [];
    const catchingUp: FeedSocket[] = [];
    for (const socket of this.io.of('/').sockets.values()) {
      const screen = this.screens.get(socket.id);
      if (!screen) continue;
      // A link still busy with one message is normal; busy for a whole tick, it is falling behind.
      screen.busyTicks = socket.conn.transport.writable ? 0 : screen.busyTicks + 1;
      const owed = screen.pendingRows.size > 0 || screen.lastSeq !== previous;
      if (screen.busyTicks >= 2) behind.push(socket);
      else if (owed) catchingUp.push(socket);
    }

    if (hasNews) {
      // The common case: one encoding for every screen that is keeping up. Only this node's
      // screens: keys and sequence numbers are this node's own (other nodes feed theirs).
      const except = new Set([...behind, ...catchingUp].map((s) => s.id));
      const packed = packRows(rows);
      const delta: UnitsDeltaWire = { seq: this.seq, prev: previous, time, meta, rows: packed };
      this.io.local.to(DASHBOARD_ROOM).except([...except]).emit('units:delta', delta);
      for (const [id, screen] of this.screens) if (!except.has(id)) screen.lastSeq = this.seq;
    }

    for (const socket of behind) {
      const screen = this.screens.get(socket.id);
      if (!screen) continue;
      for (const m of meta) screen.pendingMeta.set(m.key, m);
      for (const r of rows) screen.pendingRows.set(r[0], r);
    }

    for (const socket of catchingUp) {
      const screen = this.screens.get(socket.id);
      if (!screen) continue;
      for (const m of meta) screen.pendingMeta.set(m.key, m);
      for (const r of rows) screen.pendingRows.set(r[0], r);
      // Rows were encoded relative to their own tick's time; re-encode the owed units now.
      const owedRows: UnitRow[] = [];
      for (const key of screen.pendingRows.keys()) {
        const unitId = this.idsByKey.get(key);
        const unit = unitId ? this.tracker.unit(unitId) : undefined;
        if (unit) owedRows.push(encodeRow(key, unit, time));
      }
      const delta: UnitsDeltaWire = { seq: this.seq, prev: screen.lastSeq, time, meta: [...screen.pendingMeta.values()], rows: packRows(owedRows) };
      socket.emit('units:delta', delta);
      screen.lastSeq = this.seq;
      screen.pendingMeta.clear();
      screen.pendingRows.clear();
    }
  }
}
