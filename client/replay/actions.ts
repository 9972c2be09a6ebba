import { serverNow, type OpsStore } from '../state/store.js';
import { startingReplay, type ReplaySpeed, type ReplayView } from './view.js';

/** Where replay opens when nothing else is asked for: an hour ago. */
export const DEFAULT_REPLAY_BACK_MS = 60 * 60_000;

/** How far before an incident's report "Replay from the report" starts. */
export const BEFORE_REPORT_MS = 5 * 60_000;

function update(store: OpsStore, change: (replay: ReplayView) => Partial<ReplayView>): void {
  store.setState((s) => (s.replay ? { replay: { ...s.replay, ...change(s.replay) } } : {}));
}

/** Opens replay at `at` (an hour ago by default), paused; or jumps there if replay is open. */
export function enterReplay(store: OpsStore, at?: number): void {
  const moment = at ?? serverNow(store.getState()) - DEFAULT_REPLAY_BACK_MS;
  if (store.getState().replay) jumpTo(store, moment);
  else store.setState({ replay: startingReplay(moment) });
}

/** Back to the live picture, which has kept running underneath. */
export function leaveReplay(store: OpsStore): void {
  store.setState({ replay: null });
}

/** The person picked a moment (slider, step, "go to"); playing goes on from there. */
export function jumpTo(store: OpsStore, at: number): void {
  update(store, (r) => ({ at: Math.round(at), jump: r.jump + 1 }));
}

export function setPlaying(store: OpsStore, playing: boolean): void {
  update(store, () => ({ playing, problem: null }));
}

export function setSpeed(store: OpsStore, speed: ReplaySpeed): void {
  update(store, () => ({ speed }));
}
