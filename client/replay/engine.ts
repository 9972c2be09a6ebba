import type { z } from 'zod';
import { ReplayRange, ReplayState, ReplayTracks, REPLAY_LOOKBACK_MS } from '../../shared/replay.js';
import { isWorthRetrying } from '../http/retry.js';
import { policyFrom } from '../state/status.js';
import { serverNow, type OpsState, type OpsStore } from '../state/store.js';
import { ReplayTimeline } from './timeline.js';
import { fetchingAt, type ReplayNote, type ReplayView } from './view.js';

/** The part of the session replay needs: GET a Reply<T> route. */
export interface ReplayFetch {
  get<S extends z.ZodType>(url: string, data: S, signal?: AbortSignal): Promise<z.output<S>>;
}

export interface ReplayEngineOptions {
  /** how often the replayed clock moves on while playing, ms */
  tickMs?: number;
  /** how long a jump must stay put before the picture there is fetched (a slider being dragged) */
  settleMs?: number;
  /** the client's clock */
  now?: () => number;
}

/** Keep this much of what has been played, so a short step back needs no request. */
const KEEP_BEHIND_MS = 30 * 60_000;
/** Played to within this of the present, replay stops: the live map is the rest. */
const CAUGHT_UP_MS = 60_000;

const problemText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs replay on one screen while it is open: loads the picture at the moment chosen and the
 * history after it, window by window ahead of the play head, and writes the picture for each
 * moment into `replay` in the store. The live feed is never touched. Returns a function that
 * stops it.
 */
export function startReplayEngine(store: OpsStore, http: ReplayFetch, options: ReplayEngineOptions = {}): () => void {
  const tickMs = options.tickMs ?? 100;
  const settleMs = options.settleMs ?? 250;
  const now = options.now ?? (() => Date.now());
  const stopped = new AbortController();

  let timeline: ReplayTimeline | null = null;
  let lookbackMs = REPLAY_LOOKBACK_MS;
  /** the load of the picture at a jump; its signal also ends the windows fetched after it */
  let jumpLoad: AbortController | null = null;
  let jumping = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let ahead: Promise<void> | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let lastTick = 0;

  const patch = (change: Partial<ReplayView> | ((r: ReplayView) => Partial<ReplayView>)) =>
    store.setState((s) => (s.replay ? { replay: { ...s.replay, ...(typeof change === 'function' ? change(s.replay) : change) } } : {}));

  /** The first moment the server keeps, and the present, by the server's clock. */
  const earliest = (s: OpsState) => (s.replay?.hours ? serverNow(s, now()) - s.replay.hours * 3600_000 : -Infinity);
  const latest = (s: OpsState) => serverNow(s, now());

  /** Asks until answered: a refusal is shown as the server worded it; a lost link is retried. */
  async function ask<S extends z.ZodType>(url: string, schema: S, signal: AbortSignal): Promise<z.output<S> | null> {
    let delay = 2_000;
    for (;;) {
      if (signal.aborted) return null;
      try {
        const answer = await http.get(url, schema, signal);
        return signal.aborted ? null : answer;
      } catch (err) {
        if (signal.aborted) return null;
        if (!isWorthRetrying(err)) {
          patch({ problem: { kind: 'refused', detail: problemText(err) }, loading: false, playing: false });
          return null;
        }
        patch({ problem: { kind: 'retrying', detail: problemText(err) } });
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** The picture at `t` from what is loaded, as a change to `replay`. */
  const pictureAt = (t: number): Partial<ReplayView> => {
    if (!timeline) return {};
    const s = store.getState();
    const picture = timeline.pictureAt(t, s.units, policyFrom(s.config));
    return { units: picture.units, incidents: picture.incidents, shownAt: picture.at };
  };

  /** Fetches the next window after what is loaded: thinned for the speed while playing, every fix when paused. */
  const loadAhead = () => {
    const current = timeline;
    const s = store.getState();
    const replay = s.replay;
    if (ahead || !current || !replay || jumping) return;
    const { windowMs, everyS } = fetchingAt(replay.playing ? replay.speed : 1);
    const from = current.to;
    const to = Math.min(from + windowMs, latest(s));
    if (to - from < 1_000) return;
    const mine: Promise<void> = ask(`/api/replay/tracks?from=${from}&to=${to}&everyS=${everyS}`, ReplayTracks, jumpLoad?.signal ?? stopped.signal)
      .then((tracks) => {
        if (!tracks || timeline !== current) return;
        current.append(tracks);
        const at = store.getState().replay?.at ?? from;
        current.forgetBefore(at - KEEP_BEHIND_MS);
        patch({ loading: false, problem: null, ...pictureAt(at) });
      })
      .finally(() => {
        if (ahead === mine) ahead = null;
      });
    ahead = mine;
  };

  /** The picture at `at` from the server, then the window after it. */
  const load = (at: number) => {
    jumpLoad?.abort();
    const controller = new AbortController();
    jumpLoad = controller;
    jumping = true;
    ahead = null;
    patch({ loading: true });
    void (async () => {
      if (store.getState().replay?.hours === null) {
        const range = await ask('/api/replay/range', ReplayRange, controller.signal);
        if (!range) return;
        lookbackMs = range.lookbackMs;
        patch({ hours: range.hours });
      }
      const s = store.getState();
      // A moment older than the server keeps (an old incident's report) starts at the earliest kept.
      const moment = Math.min(Math.max(at, earliest(s) + 60_000), latest(s));
      const note: ReplayNote | null = moment > at ? { kind: 'clamped', hours: s.replay?.hours ?? null, asked: at, starts: moment } : null;
      if (moment !== at) patch({ at: moment, note });
      const state = await ask(`/api/replay/state?at=${moment}`, ReplayState, controller.signal);
      if (!state) return;
      timeline = new ReplayTimeline(state, lookbackMs);
      jumping = false;
      patch((r) => ({ loading: false, problem: null, note: moment !== at ? note : r.note, ...pictureAt(r.at) }));
      loadAhead();
    })();
  };

  /** The person picked a moment: drawn at once from what is loaded, else fetched once they settle. */
  const jumped = (replay: ReplayView) => {
    clearTimeout(settleTimer);
    if (!jumping && timeline?.covers(replay.at) && !(timeline.thinned && !replay.playing)) {
      patch(pictureAt(replay.at));
      loadAhead();
      return;
    }
    patch({ loading: true });
    settleTimer = setTimeout(() => load(store.getState().replay?.at ?? replay.at), timeline ? settleMs : 0);
  };

  const tick = () => {
    const s = store.getState();
    const replay = s.replay;
    const t = now();
    const elapsed = t - lastTick;
    lastTick = t;
    if (!replay?.playing || !timeline || jumping) return;
    const end = latest(s);
    let at = replay.at + elapsed * replay.speed;
    // At the present (or past what is loaded when that ends within a minute of it): nothing more to play.
    if (at >= end || (at > timeline.to && end - timeline.to < CAUGHT_UP_MS)) {
      const last = Math.min(at, end, timeline.to);
      patch({ at: last, playing: false, note: { kind: 'caught-up' }, ...pictureAt(last) });
      return;
    }
    // Ahead of what is loaded: hold there until the next window comes.
    const holding = at > timeline.to;
    if (holding) at = timeline.to;
    patch({ at, ...(holding ? { loading: true } : {}), ...pictureAt(at) });
    if (timeline.to - at < fetchingAt(replay.speed).windowMs / 2) loadAhead();
  };

  const setTicking = (playing: boolean) => {
    if (playing && ticker === undefined) {
      lastTick = now();
      ticker = setInterval(tick, tickMs);
    } else if (!playing && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const replay = state.replay;
    const before = previous.replay;
    if (!replay) return;
    if (!before || replay.jump !== before.jump) {
      patch({ note: null });
      jumped(replay);
    }
    if (replay.playing !== before?.playing) {
      setTicking(replay.playing);
      if (replay.playing) {
        patch({ note: null });
        loadAhead();
      } else if (timeline?.thinned) {
        // Paused after a fast replay: the exact fixes at that moment, not the thinned ones.
        jumped(replay);
      }
    }
  });

  const first = store.getState().replay;
  if (first) {
    jumped(first);
    setTicking(first.playing);
  }

  return () => {
    stopped.abort();
    jumpLoad?.abort();
    clearTimeout(settleTimer);
    setTicking(false);
    unsubscribe();
  };
}
