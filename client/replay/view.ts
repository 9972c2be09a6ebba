import type { IncidentSummary } from '../../shared/incidents.js';
import type { Unit } from '../../shared/units.js';

/** How fast replay plays: replayed seconds per second. */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/**
 * What went wrong: the server refused (its own words, shown as sent), or did not answer and is
 * asked again. Kept as what happened, not as a sentence, so the screen words it in its language.
 */
export type ReplayProblem = { kind: 'refused'; detail: string } | { kind: 'retrying'; detail: string };

/** A moment older than the server keeps started at the earliest kept; or replay reached the present. */
export type ReplayNote = { kind: 'clamped'; hours: number | null; asked: number; starts: number } | { kind: 'caught-up' };

/**
 * Replay on this screen: the moment shown and how it moves, and the picture at that moment.
 * Kept beside the live state, never in it: the live feed runs on underneath and takes over
 * again the moment replay ends.
 */
export interface ReplayView {
  /** the moment chosen, server epoch ms */
  at: number;
  playing: boolean;
  speed: ReplaySpeed;
  /** bumped on every jump the person makes (slider, step, "go to"), not as play moves `at` on */
  jump: number;
  /** how many hours back replay reaches, as the server says; null until it has answered */
  hours: number | null;
  /** the units as they were at `shownAt` */
  units: ReadonlyMap<string, Unit>;
  /** the incidents as they stood at `shownAt` */
  incidents: ReadonlyMap<string, IncidentSummary>;
  /** the moment the picture is of; null until the first one has loaded */
  shownAt: number | null;
  /** waiting for the server: the picture may lag the moment chosen */
  loading: boolean;
  /** what went wrong; null when all is well */
  problem: ReplayProblem | null;
  /** something worth saying that is not a fault (replay reached the present) */
  note: ReplayNote | null;
}

/** Replay as it starts: paused at `at`, nothing loaded yet. */
export function startingReplay(at: number): ReplayView {
  return {
    at,
    playing: false,
    speed: 60,
    jump: 1,
    hours: null,
    units: new Map(),
    incidents: new Map(),
    shownAt: null,
    loading: true,
    problem: null,
    note: null,
  };
}

/** How much history one request fetches, and how thinly, at each speed. */
export interface Fetching {
  /** the window one tracks request covers, ms */
  windowMs: number;
  /** at most one fix per unit in this many seconds (0: all) */
  everyS: number;
}

/**
 * At 1× every fix counts and a window lasts ten minutes of watching; at 600× a frame passes
 * over a minute of fixes, so one a minute is all the screen can show (and the link must carry).
 */
export function fetchingAt(speed: ReplaySpeed): Fetching {
  switch (speed) {
    case 1:
      return { windowMs: 10 * 60_000, everyS: 0 };
    case 10:
      return { windowMs: 30 * 60_000, everyS: 0 };
    case 60:
      return { windowMs: 60 * 60_000, everyS: 10 };
    case 600:
      return { windowMs: 120 * 60_000, everyS: 60 };
  }
}

export const isReplaySpeed = (n: number): n is ReplaySpeed => (REPLAY_SPEEDS as readonly number[]).includes(n);
