import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { REPLAY_LOOKBACK_MS, type ReplayFixRow, type ReplayRange, type ReplayState, type ReplayTracks } from '../../shared/replay.js';
import type { ClientConfig } from '../../shared/config.js';
import { ReplyError } from '../http/errors.js';
import { createOpsStore, type OpsStore } from '../state/store.js';
import { enterReplay, jumpTo, leaveReplay, setPlaying, setSpeed } from './actions.js';
import { startReplayEngine, type ReplayFetch } from './engine.js';

const MIN = 60_000;
const NOW = Date.UTC(2027, 2, 10, 12, 0);
const config: ClientConfig = {
  tickMs: 500,
  staleAfterS: 120,
  lostAfterS: 600,
  thresholds: {
    'fpu-vehicle': { staleAfterS: 120, lostAfterS: 600 },
    'joint-patrol': { staleAfterS: 120, lostAfterS: 600 },
    'ipo-foot': { staleAfterS: 300, lostAfterS: 1200 },
    'static-post': { staleAfterS: 900, lostAfterS: 3600 },
  },
};

/** One patrol reporting every minute for the last three hours, a degree of latitude apart per 1,000 minutes. */
const fixTimes = Array.from({ length: 181 }, (_, i) => NOW - 180 * MIN + i * MIN);
const latAt = (t: number) => 6 + (t - (NOW - 180 * MIN)) / MIN / 1000;

/** Answers as the server would, from that history, and notes each request. */
function fakeServer() {
  const asked: string[] = [];
  const http: ReplayFetch = {
    get<S extends z.ZodType>(url: string, _schema: S): Promise<z.output<S>> {
      asked.push(url);
      const q = new URL(url, 'http://ops').searchParams;
      const now = Date.now();
      const range: ReplayRange = { from: now - 24 * 60 * MIN, to: now, hours: 24, lookbackMs: REPLAY_LOOKBACK_MS, maxTracksMs: 120 * MIN };
      let answer: ReplayRange | ReplayState | ReplayTracks;
      if (url.startsWith('/api/replay/range')) answer = range;
      else if (url.startsWith('/api/replay/state')) {
        const at = Number(q.get('at'));
        if (at < range.from) return Promise.reject(new ReplyError({ code: 'invalid_input', status: 400, message: 'at is before what replay keeps' }));
        const last = fixTimes.filter((t) => t <= at).at(-1);
        answer = {
          at,
          range,
          units: last === undefined ? [] : [{ id: 'bor-1', callsign: 'BOR-1', type: 'fpu-vehicle', fieldOffice: 'bor', activity: 'on-patrol', status: 'live', last: { time: last, lat: latAt(last), lon: 31.5 } }],
          incidents: [],
        };
      } else {
        const from = Number(q.get('from'));
        const to = Number(q.get('to'));
        const everyS = Number(q.get('everyS') ?? 0);
        let kept = fixTimes.filter((t) => t >= from && t <= to);
        if (everyS > 0) kept = kept.filter((t, i) => i === kept.length - 1 || (t - from) % (everyS * 1000) === 0);
        const rows: ReplayFixRow[] = kept.map((t) => [t, 31.5, latAt(t), null, null, null, 0]);
        answer = { from, to, everyS, units: [{ unitId: 'bor-1', fixes: rows }], incidents: [], activities: [] };
      }
      return Promise.resolve(answer as z.output<S>);
    },
  };
  return { http, asked };
}

let store: OpsStore;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  store = createOpsStore({ config });
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

const shown = () => store.getState().replay?.units.get('bor-1')?.last?.time;

describe('startReplayEngine', () => {
  it('loads the picture at the moment chosen and the ten minutes after it, then draws jumps inside them without asking', async () => {
    const { http, asked } = fakeServer();
    enterReplay(store, NOW - 100 * MIN + 30_000);
    stop = startReplayEngine(store, http);
    await vi.advanceTimersByTimeAsync(50);
    expect(shown()).toBe(NOW - 100 * MIN);
    expect(store.getState().replay).toMatchObject({ hours: 24, loading: false, problem: null, shownAt: NOW - 100 * MIN + 30_000 });
    expect(asked.map((u) => u.split('?')[0])).toEqual(['/api/replay/range', '/api/replay/state', '/api/replay/tracks']);
    expect(asked[2]).toContain('everyS=0');

    jumpTo(store, NOW - 95 * MIN);
    await vi.advanceTimersByTimeAsync(50);
    expect(shown()).toBe(NOW - 95 * MIN);
    expect(asked.filter((u) => u.startsWith('/api/replay/state'))).toHaveLength(1);

    // Outside what is loaded: fetched once the slider settles.
    jumpTo(store, NOW - 30 * MIN);
    jumpTo(store, NOW - 20 * MIN);
    await vi.advanceTimersByTimeAsync(400);
    expect(shown()).toBe(NOW - 20 * MIN);
    expect(asked.filter((u) => u.startsWith('/api/replay/state'))).toEqual([`/api/replay/state?at=${NOW - 100 * MIN + 30_000}`, `/api/replay/state?at=${NOW - 20 * MIN}`]);
  });

  it('plays at the speed chosen, fetching thinned windows ahead, and reloads exactly on pause', async () => {
    const { http, asked } = fakeServer();
    enterReplay(store, NOW - 150 * MIN);
    stop = startReplayEngine(store, http);
    await vi.advanceTimersByTimeAsync(50);
    setSpeed(store, 600);
    setPlaying(store, true);
    // Two seconds at 600×: twenty minutes on.
    await vi.advanceTimersByTimeAsync(2_000);
    const at = store.getState().replay?.at ?? 0;
    expect(at).toBeGreaterThan(NOW - 131 * MIN);
    expect(at).toBeLessThan(NOW - 128 * MIN);
    expect(asked.some((u) => u.includes('everyS=60'))).toBe(true);
    expect(store.getState().replay?.shownAt).toBe(at);

    setPlaying(store, false);
    await vi.advanceTimersByTimeAsync(400);
    // Paused after a thinned window: the exact fix at the moment.
    expect(asked.filter((u) => u.startsWith('/api/replay/state')).at(-1)).toBe(`/api/replay/state?at=${at}`);
    expect(shown()).toBe(fixTimes.filter((t) => t <= at).at(-1));
  });

  it('stops at the present, and says so', async () => {
    const { http } = fakeServer();
    enterReplay(store, NOW - 10 * MIN);
    stop = startReplayEngine(store, http);
    await vi.advanceTimersByTimeAsync(50);
    setSpeed(store, 600);
    setPlaying(store, true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(store.getState().replay).toMatchObject({ playing: false, note: { kind: 'caught-up' } });
    expect(store.getState().replay?.at).toBeGreaterThan(NOW - MIN);
  });

  it('starts a moment older than the server keeps at the earliest it keeps, and says so', async () => {
    const { http, asked } = fakeServer();
    enterReplay(store, NOW - 30 * 60 * MIN);
    stop = startReplayEngine(store, http);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.getState().replay?.note).toEqual({ kind: 'clamped', hours: 24, asked: NOW - 30 * 60 * MIN, starts: NOW - 24 * 60 * MIN + MIN });
    expect(asked[1]).toBe(`/api/replay/state?at=${NOW - 24 * 60 * MIN + MIN}`);
    expect(store.getState().replay?.problem).toBeNull();
  });

  it('leaves the live units alone, and stops when replay ends', async () => {
    const { http, asked } = fakeServer();
    const live = store.getState().units;
    enterReplay(store, NOW - 60 * MIN);
    stop = startReplayEngine(store, http);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.getState().units).toBe(live);
    leaveReplay(store);
    const before = asked.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(store.getState().replay).toBeNull();
    expect(asked.length).toBe(before);
  });
});
