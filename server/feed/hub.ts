import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, UnitsSnapshot } from '../../shared/feed.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';

import type { SessionPrincipal } from '../auth/principal.js';

export interface SocketData {
  principal: SessionPrincipal;
}

export type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const DASHBOARD_ROOM = 'dashboards';

/**
 * Coalesces unit changes for one tick and sends them once to every dashboard. However many
 * reports a unit sends in a tick, a dashboard receives its newest state once.
 */
export class FeedHub {
  private seq = 0;
  private readonly dirty = new Set<string>();
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

  snapshot(): UnitsSnapshot {
    return { seq: this.seq, time: this.clock.now(), units: this.tracker.allUnits() };
  }

  /** Sends what changed since the last tick, if anything did. Public so tests can drive it. */
  tick(): void {
    for (const id of this.tracker.sweepStatuses()) this.dirty.add(id);
    if (this.dirty.size === 0) return;
    const units = [];
    for (const id of this.dirty) {
      const unit = this.tracker.unit(id);
      if (unit) units.push(unit);
    }
    this.dirty.clear();
    this.seq += 1;
    this.io.to(DASHBOARD_ROOM).emit('units:updated', { seq: this.seq, time: this.clock.now(), units });
  }
}
