import type { LonLat } from '../../shared/sites.js';
import type { Unit } from '../../shared/units.js';

export interface TweenOptions {
  /** how long a marker takes to glide to a new fix */
  durationMs: number;
  /** a jump bigger than this (degrees, either axis) snaps instead: a glide across the country misleads */
  maxJumpDeg: number;
}

interface Track {
  from: LonLat;
  to: LonLat;
  start: number;
  fixTime: number;
}

/**
 * Whether the person at this screen asked their system for less motion: markers then step to
 * each new fix instead of gliding, and the map is drawn only when something changed.
 */
export const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const DEFAULTS: TweenOptions = { durationMs: 1_000, maxJumpDeg: 0.05 };

const ease = (t: number) => t * t * (3 - 2 * t);

/**
 * Glides each marker from where it is drawn to its newest fix, so a patrol moves rather than
 * hops. Costs one small record per unit and a lerp per drawn frame.
 */
export class UnitTweens {
  private readonly tracks = new Map<string, Track>();
  private busyUntil = 0;
  private readonly options: TweenOptions;

  constructor(options: Partial<TweenOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Takes the newest units and starts a glide for each whose fix changed. */
  retarget(units: ReadonlyMap<string, Unit>, now: number): void {
    const { durationMs, maxJumpDeg } = this.options;
    for (const [id, unit] of units) {
      const fix = unit.last;
      if (!fix) {
        this.tracks.delete(id);
        continue;
      }
      const track = this.tracks.get(id);
      if (track && track.fixTime === fix.time && track.to[0] === fix.lon && track.to[1] === fix.lat) continue;
      const to: LonLat = [fix.lon, fix.lat];
      const from = track ? at(track, now, durationMs) : to;
      const jump = Math.max(Math.abs(from[0] - to[0]), Math.abs(from[1] - to[1]));
      if (!track || jump > maxJumpDeg || jump === 0) {
        this.tracks.set(id, { from: to, to, start: -Infinity, fixTime: fix.time });
      } else {
        this.tracks.set(id, { from, to, start: now, fixTime: fix.time });
        this.busyUntil = Math.max(this.busyUntil, now + durationMs);
      }
    }
    if (this.tracks.size > units.size) {
      for (const id of this.tracks.keys()) if (!units.has(id)) this.tracks.delete(id);
    }
  }

  /** Where to draw a unit now; null when it has no track. */
  position(unitId: string, now: number): LonLat | null {
    const track = this.tracks.get(unitId);
    return track ? at(track, now, this.options.durationMs) : null;
  }

  /** Whether any marker is still gliding, so the next frame must be drawn. */
  moving(now: number): boolean {
    return now < this.busyUntil;
  }
}

function at(track: Track, now: number, durationMs: number): LonLat {
  const t = (now - track.start) / durationMs;
  if (t >= 1) return track.to;
  if (t <= 0) return track.from;
  const k = ease(t);
  return [track.from[0] + (track.to[0] - track.from[0]) * k, track.from[1] + (track.to[1] - track.from[1]) * k];
}
