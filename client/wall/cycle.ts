import type { Hotspot } from './hotspots.js';

/** Seconds between one view and the next when the address does not say. */
export const DEFAULT_CYCLE_S = 20;
/** Faster than this, the map is still flying when it leaves again. */
export const MIN_CYCLE_S = 8;
export const MAX_CYCLE_S = 3600;

/**
 * How often the wall changes its view, from the page address: `cycle=30` for every 30 seconds,
 * `cycle=0` to stay on the whole mission (a new critical alert still takes the focus).
 * @example cycleSecondsFrom('?view=wall&cycle=0') === 0
 */
export function cycleSecondsFrom(search: string): number {
  const raw = new URLSearchParams(search).get('cycle');
  if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return DEFAULT_CYCLE_S;
  const seconds = Number(raw.trim());
  if (seconds === 0) return 0;
  return Math.min(MAX_CYCLE_S, Math.max(MIN_CYCLE_S, seconds));
}

/** What the wall is looking at. */
export type Focus =
  | { kind: 'mission' }
  | {
      kind: 'hotspot';
      spot: Hotspot;
      /** the critical alert that took the focus the moment it was raised; null on a regular turn */
      alertId: string | null;
    };

export interface CycleState {
  focus: Focus;
  /** the hot spot visited last, so the turn goes on after it even when the list has changed */
  lastKey: string | null;
  /** where that hot spot was in the list, for when it has left the list */
  lastIndex: number;
}

export const MISSION: Focus = { kind: 'mission' };

export const initialCycle = (): CycleState => ({ focus: MISSION, lastKey: null, lastIndex: -1 });

/**
 * The next view: from a hot spot back to the whole mission; from the whole mission on to the
 * hot spot after the one visited last (from the top after the end). With no hot spot the whole
 * mission stays, as the same state.
 */
export function nextView(state: CycleState, spots: readonly Hotspot[]): CycleState {
  if (state.focus.kind === 'hotspot') return { ...state, focus: MISSION };
  if (spots.length === 0) return state;
  const found = state.lastKey === null ? -1 : spots.findIndex((s) => s.key === state.lastKey);
  // A visited spot that has gone: the one that slid into its place is next.
  const wanted = found >= 0 ? found + 1 : Math.max(0, state.lastIndex);
  const index = wanted >= spots.length ? 0 : wanted;
  const spot = spots[index];
  if (!spot) return state;
  return { focus: { kind: 'hotspot', spot, alertId: null }, lastKey: spot.key, lastIndex: index };
}

/** A critical alert takes the focus at once; the turn goes on after its place. */
export function takeFocus(state: CycleState, spot: Hotspot, alertId: string, spots: readonly Hotspot[]): CycleState {
  const index = spots.findIndex((s) => s.key === spot.key);
  return { focus: { kind: 'hotspot', spot, alertId }, lastKey: spot.key, lastIndex: index >= 0 ? index : state.lastIndex };
}

/**
 * The hot spot under focus with its place as it stands now (a patrol moves), and its position
 * in the list ("3 of 5"); position null when it has left the list.
 */
export function focusedSpot(focus: Focus, spots: readonly Hotspot[]): { spot: Hotspot; position: number | null } | null {
  if (focus.kind !== 'hotspot') return null;
  const index = spots.findIndex((s) => s.key === focus.spot.key);
  const current = spots[index];
  return current ? { spot: current, position: index + 1 } : { spot: focus.spot, position: null };
}
