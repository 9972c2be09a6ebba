import type { Trails } from '../../shared/units.js';

/** One point of a trail: [time (epoch ms), lon, lat], as GET /api/trails sends it. */
export type TrailPoint = readonly [time: number, lon: number, lat: number];

export interface TrailLimits {
  /** how far back a trail reaches */
  windowMs: number;
  /**
   * Points closer in time than this are thinned: the newest replaces the last one, so a unit
   * that reports every second costs no more than one that reports every few seconds.
   */
  minSpacingMs: number;
  /** a hard cap per unit, whatever the reporting rate */
  maxPoints: number;
}

export const DEFAULT_TRAIL_LIMITS: TrailLimits = { windowMs: 30 * 60_000, minSpacingMs: 5_000, maxPoints: 800 };

/**
 * Every unit's recent path, oldest point first, kept bounded: a window in time, thinned to a
 * minimum spacing, capped per unit, and only for units still on the roster.
 */
export class TrailBook {
  private readonly trails = new Map<string, TrailPoint[]>();
  readonly limits: TrailLimits;

  constructor(limits: Partial<TrailLimits> = {}) {
    this.limits = { ...DEFAULT_TRAIL_LIMITS, ...limits };
  }

  /**
   * Adds a fix to a unit's trail. A fix no newer than the trail's last point is ignored (a
   * status change repeats the same fix; a late fix would draw the path backwards).
   * Returns whether the trail changed.
   */
  add(unitId: string, time: number, lon: number, lat: number): boolean {
    let trail = this.trails.get(unitId);
    if (!trail) this.trails.set(unitId, (trail = []));
    return push(trail, [time, lon, lat], this.limits);
  }

  /**
   * Takes the trails the server sent, keeping what the live feed added since the server's
   * answer was made (points newer than each loaded trail's end).
   */
  load(loaded: Trails['trails']): void {
    const next = new Map<string, TrailPoint[]>();
    for (const { unitId, points } of loaded) {
      const trail: TrailPoint[] = [];
      for (const p of points) push(trail, p, this.limits);
      next.set(unitId, trail);
    }
    for (const [unitId, live] of this.trails) {
      const trail = next.get(unitId);
      if (!trail) {
        next.set(unitId, live);
        continue;
      }
      for (const p of live) push(trail, p, this.limits);
    }
    this.trails.clear();
    for (const [unitId, trail] of next) this.trails.set(unitId, trail);
  }

  /** Drops points older than the window and trails of units no longer known. Returns whether anything went. */
  trim(now: number, known?: ReadonlyMap<string, unknown>): boolean {
    const cutoff = now - this.limits.windowMs;
    let changed = false;
    for (const [unitId, trail] of this.trails) {
      if (known && !known.has(unitId)) {
        this.trails.delete(unitId);
        changed = true;
        continue;
      }
      let first = 0;
      while (first < trail.length && (trail[first]?.[0] ?? Infinity) < cutoff) first += 1;
      if (first === 0) continue;
      changed = true;
      if (first === trail.length) this.trails.delete(unitId);
      else trail.splice(0, first);
    }
    return changed;
  }

  get(unitId: string): readonly TrailPoint[] | undefined {
    return this.trails.get(unitId);
  }

  entries(): IterableIterator<[string, readonly TrailPoint[]]> {
    return this.trails.entries();
  }

  /** How many points are held in all, to check that memory stays bounded. */
  get pointCount(): number {
    let n = 0;
    for (const trail of this.trails.values()) n += trail.length;
    return n;
  }
}

function push(trail: TrailPoint[], point: TrailPoint, limits: TrailLimits): boolean {
  const last = trail.at(-1);
  if (last && point[0] <= last[0]) return false;
  if (last && last[1] === point[1] && last[2] === point[2]) {
    // Standing still: one point, stamped with the newest time.
    trail[trail.length - 1] = point;
    return true;
  }
  const beforeLast = trail.at(-2);
  if (beforeLast && last && point[0] - beforeLast[0] < limits.minSpacingMs) trail[trail.length - 1] = point;
  else trail.push(point);
  if (trail.length > limits.maxPoints) trail.splice(0, trail.length - limits.maxPoints);
  return true;
}
