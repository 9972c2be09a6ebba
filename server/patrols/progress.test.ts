import { describe, expect, it } from 'vitest';
import type { PatrolOrder } from '../../shared/patrols.js';
import type { Fix } from '../../shared/units.js';
import { alertActions, jubaHoursMinutes, missedTitle } from './patrol-alerts.js';
import { advance, changeOf } from './progress.js';

const T0 = Date.UTC(2027, 1, 15, 6, 0); // 08:00 Juba
const MIN = 60_000;

// Out of Bor to two villages and back; coordinates are illustrative.
const BOR = { lat: 6.2125, lon: 31.5608 };
const PARIAK = { lat: 6.07, lon: 31.55 };
const ANYIDI = { lat: 6.27, lon: 31.71 };

function order(over: Partial<PatrolOrder> = {}): PatrolOrder {
  return {
    id: 'o1',
    unitId: 'bor-fpu-2',
    title: 'Bor south and east',
    startsAt: T0,
    endsAt: T0 + 240 * MIN,
    checkpoints: [
      { idx: 0, name: 'Pariak', ...PARIAK, radiusM: 300, dueAt: T0 + 60 * MIN, reachedAt: null, missedAt: null },
      { idx: 1, name: 'Anyidi', ...ANYIDI, radiusM: 300, dueAt: null, reachedAt: null, missedAt: null },
    ],
    returnTo: { name: 'Bor field office', ...BOR, radiusM: 2000 },
    status: 'planned',
    createdBy: 'op',
    createdAt: T0 - 30 * MIN,
    updatedAt: T0 - 30 * MIN,
    overdueAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    ...over,
  };
}

const fix = (at: { lat: number; lon: number }, time: number, extra: Partial<Fix> = {}): Fix => ({ time, lat: at.lat, lon: at.lon, ...extra });
// About 100 m north of a place: inside a 300 m radius.
const near = (at: { lat: number; lon: number }) => ({ lat: at.lat + 0.0009, lon: at.lon });
// About 1 km north: outside it.
const off = (at: { lat: number; lon: number }) => ({ lat: at.lat + 0.009, lon: at.lon });

describe('advance', () => {
  it('leaves a planned order alone until its start, then activates it', () => {
    const planned = order();
    expect(advance(planned, T0 - MIN, [], fix(BOR, T0 - MIN))).toBe(planned);
    const started = advance(planned, T0, [], fix(BOR, T0));
    expect(started.status).toBe('active');
    expect(started.updatedAt).toBe(T0);
  });

  it('reaches checkpoints in any order, then completes on the first fix back at the office', () => {
    let o = advance(order(), T0, [], null);
    const f1 = fix(near(ANYIDI), T0 + 20 * MIN);
    o = advance(o, f1.time, [f1], f1);
    expect(o.checkpoints.map((c) => c.reachedAt)).toEqual([null, f1.time]);
    const f2 = fix(off(PARIAK), T0 + 40 * MIN);
    const f3 = fix(near(PARIAK), T0 + 41 * MIN);
    const f4 = fix(BOR, T0 + 90 * MIN);
    const f5 = fix(BOR, T0 + 91 * MIN);
    o = advance(o, f5.time, [f2, f3, f4, f5], f5);
    expect(o.checkpoints.map((c) => c.reachedAt)).toEqual([f3.time, f1.time]);
    expect(o.status).toBe('completed');
    expect(o.completedAt).toBe(f4.time);
    expect(o.checkpoints.every((c) => c.missedAt === null)).toBe(true);
  });

  it('does not complete at the office before every checkpoint is reached, while the window is open', () => {
    let o = advance(order(), T0, [], null);
    const f = fix(near(PARIAK), T0 + 30 * MIN);
    const home = fix(BOR, T0 + 80 * MIN);
    o = advance(o, home.time, [f, home], home);
    expect(o.status).toBe('active');
  });

  it('ignores fixes from before the start and fixes flagged implausible', () => {
    let o = advance(order(), T0, [], null);
    const early = fix(near(PARIAK), T0 - 5 * MIN);
    const jump = fix(near(ANYIDI), T0 + 5 * MIN, { implausible: true });
    o = advance(o, T0 + 5 * MIN, [early, jump], jump);
    expect(o.checkpoints.map((c) => c.reachedAt)).toEqual([null, null]);
  });

  it('misses a checkpoint at its due time, and keeps both times when it is reached late', () => {
    let o = advance(order(), T0, [], null);
    const due = T0 + 60 * MIN;
    expect(advance(o, due - 1, [], null)).toBe(o);
    o = advance(o, due, [], null);
    expect(o.checkpoints[0]?.missedAt).toBe(due);
    expect(o.checkpoints[1]?.missedAt).toBeNull();
    const late = fix(near(PARIAK), due + 15 * MIN);
    const after = advance(o, late.time, [late], late);
    expect(after.checkpoints[0]).toMatchObject({ missedAt: due, reachedAt: late.time });
    expect(changeOf(o, after)).toMatchObject({ missed: [], outstanding: [] });
  });

  it('at the end of the window misses what is left and makes the order overdue unless the unit is back', () => {
    let o = advance(order(), T0, [], null);
    const f = fix(near(PARIAK), T0 + 30 * MIN);
    o = advance(o, f.time, [f], f);
    const out = fix(near(ANYIDI), T0 + 200 * MIN);
    const end = o.endsAt;
    const overdue = advance(o, end, [out], out);
    expect(overdue.status).toBe('overdue');
    expect(overdue.overdueAt).toBe(end);
    // Anyidi was reached on the last fix: nothing left to miss.
    expect(overdue.checkpoints.map((c) => c.missedAt)).toEqual([null, null]);
    const back = fix(BOR, end + 25 * MIN);
    const done = advance(overdue, back.time, [back], back);
    expect(done).toMatchObject({ status: 'completed', completedAt: back.time, overdueAt: end });
    expect(changeOf(overdue, done).completed).toBe(true);
  });

  it('completes at the end of the window when the unit is already back, with the checkpoint it skipped missed', () => {
    let o = advance(order(), T0, [], null);
    const f = fix(near(ANYIDI), T0 + 30 * MIN);
    o = advance(o, f.time, [f], f);
    o = advance(o, T0 + 60 * MIN, [], f);
    const home = fix(BOR, T0 + 230 * MIN);
    o = advance(o, home.time, [home], home);
    expect(o.status).toBe('active');
    const ended = advance(o, o.endsAt, [], home);
    expect(ended.status).toBe('completed');
    expect(ended.checkpoints.map((c) => c.missedAt)).toEqual([T0 + 60 * MIN, null]);
  });

  it('does not count a fix at the office from before the last checkpoint as the return', () => {
    const anyidi = order().checkpoints[1];
    if (!anyidi) throw new Error('fixture');
    let o = advance(order({ checkpoints: [anyidi] }), T0, [], null);
    const home = fix(BOR, T0 + 5 * MIN);
    const cp = fix(near(ANYIDI), T0 + 40 * MIN);
    o = advance(o, cp.time, [home, cp], cp);
    expect(o.status).toBe('active');
  });

  it('leaves cancelled and completed orders alone', () => {
    const cancelled = order({ status: 'cancelled' });
    expect(advance(cancelled, T0 + 500 * MIN, [], null)).toBe(cancelled);
  });
});

describe('patrol alerts', () => {
  it('reads Juba time (UTC+2)', () => {
    expect(jubaHoursMinutes(Date.UTC(2027, 1, 15, 12, 30))).toBe('14:30');
  });

  it('titles a missed checkpoint with its due time, and several missed at the end with the end of the patrol', () => {
    const o = order({ endsAt: Date.UTC(2027, 1, 15, 14, 0) });
    const [pariak, anyidi] = o.checkpoints;
    if (!pariak || !anyidi) throw new Error('fixture');
    expect(missedTitle('BOR-FPU-2', o, [{ ...pariak, dueAt: Date.UTC(2027, 1, 15, 12, 30) }])).toBe('BOR-FPU-2 missed checkpoint Pariak (due 14:30 Juba)');
    expect(missedTitle('BOR-FPU-2', o, [{ ...pariak, dueAt: null }, anyidi])).toBe('BOR-FPU-2 missed checkpoints Pariak and Anyidi (patrol ended 16:00 Juba)');
  });

  it('gives each new miss its own alert by resolving the previous one first', () => {
    const before = advance(order(), T0, [], null);
    const after = advance(before, T0 + 60 * MIN, [], null);
    const actions = alertActions('BOR-FPU-2', before, after, changeOf(before, after));
    expect(actions).toEqual([
      { do: 'resolve', kind: 'checkpoint-missed' },
      {
        do: 'raise',
        kind: 'checkpoint-missed',
        severity: 2,
        title: 'BOR-FPU-2 missed checkpoint Pariak (due 09:00 Juba)',
        words: { kind: 'checkpoint-missed', callsign: 'BOR-FPU-2', checkpoints: ['Pariak'], dueAt: T0 + 60 * MIN, byEnd: false },
      },
    ]);
  });

  it('raises overdue at the end, and resolves it when the unit is back', () => {
    const active = advance(order(), T0, [], null);
    const reached = advance(active, T0 + 30 * MIN, [fix(near(PARIAK), T0 + 30 * MIN), fix(near(ANYIDI), T0 + 90 * MIN)], null);
    const overdue = advance(reached, reached.endsAt, [], fix(near(ANYIDI), T0 + 90 * MIN));
    expect(alertActions('BOR-FPU-2', reached, overdue, changeOf(reached, overdue))).toEqual([
      {
        do: 'raise',
        kind: 'patrol-overdue',
        severity: 3,
        title: 'BOR-FPU-2 overdue: not back at Bor field office by 12:00 Juba',
        words: { kind: 'patrol-overdue', callsign: 'BOR-FPU-2', returnTo: 'Bor field office', dueAt: T0 + 240 * MIN },
      },
    ]);
    const home = fix(BOR, reached.endsAt + 10 * MIN);
    const done = advance(overdue, home.time, [home], home);
    expect(alertActions('BOR-FPU-2', overdue, done, changeOf(overdue, done))).toEqual([{ do: 'resolve', kind: 'patrol-overdue' }]);
  });

  it('resolves a missed-checkpoint alert once the unit reaches the checkpoint after all, or the order is cancelled', () => {
    const missed = advance(advance(order(), T0, [], null), T0 + 60 * MIN, [], null);
    const late = fix(near(PARIAK), T0 + 70 * MIN);
    const reached = advance(missed, late.time, [late], late);
    expect(alertActions('BOR-FPU-2', missed, reached, changeOf(missed, reached))).toEqual([{ do: 'resolve', kind: 'checkpoint-missed' }]);
    const cancelled: PatrolOrder = { ...missed, status: 'cancelled', cancelledAt: T0 + 65 * MIN, cancelledBy: 'op' };
    expect(alertActions('BOR-FPU-2', missed, cancelled, changeOf(missed, cancelled))).toEqual([{ do: 'resolve', kind: 'checkpoint-missed' }]);
  });
});
