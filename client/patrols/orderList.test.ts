import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { MIN, patrolOrder, T0 } from './fixtures.js';
import { fromPatrolSnapshot, withPatrol } from './merge.js';
import { liveSummary, patrolRows } from './orderList.js';

const units = new Map<string, Unit>([['bor-fpu-2', { id: 'bor-fpu-2', callsign: 'BOR-FPU-2', type: 'fpu-vehicle', fieldOffice: 'bor', activity: 'on-patrol', status: 'live', last: null }]]);

describe('patrolRows', () => {
  it('puts overdue first, then on patrol, planned, and ended orders, latest first', () => {
    const rows = patrolRows(
      [
        patrolOrder({ id: 'done', status: 'completed', updatedAt: T0 + 100 * MIN, completedAt: T0 + 100 * MIN }),
        patrolOrder({ id: 'later', status: 'planned', startsAt: T0 + 300 * MIN, endsAt: T0 + 400 * MIN }),
        patrolOrder({ id: 'active' }),
        patrolOrder({ id: 'soon', status: 'planned', startsAt: T0 + 60 * MIN, endsAt: T0 + 120 * MIN }),
        patrolOrder({ id: 'late', status: 'overdue', overdueAt: T0 + 240 * MIN }),
        patrolOrder({ id: 'called-off', status: 'cancelled', updatedAt: T0 + 200 * MIN, cancelledAt: T0 + 200 * MIN, cancelledBy: 'cdr' }),
      ],
      units,
      T0,
    );
    expect(rows.map((r) => r.id)).toEqual(['late', 'active', 'soon', 'later', 'called-off', 'done']);
  });

  it('reads the window in Juba time, counts checkpoints and marks what needs attention', () => {
    const [row] = patrolRows(
      [
        patrolOrder({
          checkpoints: [
            { idx: 0, name: 'Pariak', lat: 6.07, lon: 31.55, radiusM: 300, dueAt: T0 + 90 * MIN, reachedAt: null, missedAt: T0 + 90 * MIN },
            { idx: 1, name: 'Anyidi', lat: 6.27, lon: 31.71, radiusM: 300, dueAt: null, reachedAt: T0 + 30 * MIN, missedAt: null },
          ],
        }),
      ],
      units,
      T0,
    );
    expect(row).toMatchObject({
      callsign: 'BOR-FPU-2',
      window: '08:00–12:00 Juba',
      reached: 1,
      missed: 1,
      total: 2,
      alarm: true,
      returnText: 'Back at Bor field office by 12:00',
    });
    expect(row?.checkpoints.map((c) => [c.state, c.title])).toEqual([
      ['missed', 'Pariak: missed (due 09:30)'],
      ['reached', 'Anyidi: reached 08:30 (by the end, 12:00)'],
    ]);
  });

  it('gives the day of a window that is not today, and says when one runs past midnight', () => {
    const [row] = patrolRows([patrolOrder({ startsAt: T0 + 14 * 60 * MIN, endsAt: T0 + 18 * 60 * MIN })], units, T0 - 24 * 60 * MIN);
    expect(row?.window).toBe('Mon 15 Feb 22:00–02:00 (+1 day) Juba');
  });

  it('says the same in French', () => {
    const order = patrolOrder({ startsAt: T0 + 14 * 60 * MIN, endsAt: T0 + 18 * 60 * MIN });
    const [row] = patrolRows([order], units, T0 - 24 * 60 * MIN, 'fr');
    expect(row?.window).toBe('lun. 15 févr. 22:00–02:00 (+1 jour), heure de Juba');
    expect(row?.returnText).toMatch(/^Retour à .+ avant 02:00$/);
  });

  it('leaves out orders that ended more than a day ago', () => {
    const rows = patrolRows(
      [patrolOrder({ id: 'old', status: 'completed', updatedAt: T0 - 25 * 60 * MIN }), patrolOrder({ id: 'old-but-overdue', status: 'overdue', updatedAt: T0 - 25 * 60 * MIN })],
      units,
      T0,
    );
    expect(rows.map((r) => r.id)).toEqual(['old-but-overdue']);
  });

  it('says how an ended order ended', () => {
    const rows = patrolRows(
      [
        patrolOrder({ id: 'a', status: 'completed', completedAt: T0 + 250 * MIN, overdueAt: T0 + 240 * MIN, updatedAt: T0 + 250 * MIN }),
        patrolOrder({ id: 'b', status: 'overdue', overdueAt: T0 + 240 * MIN }),
      ],
      units,
      T0,
    );
    expect(rows.map((r) => [r.id, r.returnText, r.alarm])).toEqual([
      ['b', 'Not back at Bor field office since 12:00', true],
      ['a', 'Back 12:10, late (due 12:00)', false],
    ]);
  });
});

it('counts orders under way and raises the alarm for an overdue one', () => {
  expect(liveSummary([patrolOrder(), patrolOrder({ id: 'x', status: 'completed' })])).toEqual({ count: 1, alarm: false });
  expect(liveSummary([patrolOrder(), patrolOrder({ id: 'x', status: 'overdue' })])).toEqual({ count: 2, alarm: true });
});

describe('merging orders from the feed', () => {
  it('ignores an update older than the one held', () => {
    const newer = patrolOrder({ updatedAt: T0 + 10 * MIN, status: 'overdue' });
    const held = withPatrol(new Map(), newer);
    expect(withPatrol(held, patrolOrder({ updatedAt: T0 }))).toBe(held);
    expect(withPatrol(held, patrolOrder({ updatedAt: T0 + 20 * MIN, status: 'completed' })).get('order-1')?.status).toBe('completed');
  });

  it('keeps from before a snapshot only what is newer than it', () => {
    const held = new Map([
      ['order-1', patrolOrder({ updatedAt: T0 + 10 * MIN, status: 'overdue' })],
      ['made-since', patrolOrder({ id: 'made-since', createdAt: T0 + 5 * MIN, updatedAt: T0 + 5 * MIN })],
      ['gone', patrolOrder({ id: 'gone', updatedAt: T0 - 60 * MIN })],
    ]);
    const next = fromPatrolSnapshot(held, { time: T0 + MIN, orders: [patrolOrder({ updatedAt: T0 })] });
    expect([...next.keys()].sort()).toEqual(['made-since', 'order-1']);
    expect(next.get('order-1')?.status).toBe('overdue');
  });
});
