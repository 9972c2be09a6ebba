import { describe, expect, it } from 'vitest';
import { alertQueue, waitingSummary, withAcknowledged } from './queue.js';
import { anAlert, byId } from './fixtures.js';

const acked = { acknowledgedAt: 2_000_000, acknowledgedBy: 'operator3' };

describe('alertQueue', () => {
  it('lists those to acknowledge first, each part newest first, whatever the severity', () => {
    const queue = alertQueue(
      byId(
        anAlert('acked-new', { ...acked, raisedAt: 900 }),
        anAlert('open-old', { raisedAt: 100, severity: 4 }),
        anAlert('open-new', { raisedAt: 500, severity: 2 }),
        anAlert('acked-old', { ...acked, raisedAt: 50 }),
      ),
    );
    expect(queue.map((a) => a.id)).toEqual(['open-new', 'open-old', 'acked-new', 'acked-old']);
  });

  it('is stable for alerts raised in the same millisecond', () => {
    expect(alertQueue(byId(anAlert('b'), anAlert('a'))).map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('waitingSummary', () => {
  it('counts the unacknowledged and their worst severity', () => {
    expect(waitingSummary(byId(anAlert('a', { severity: 3 }), anAlert('b', { severity: 4, ...acked }), anAlert('c', { severity: 2 })))).toEqual({
      count: 2,
      worst: 3,
    });
    expect(waitingSummary(new Map())).toEqual({ count: 0, worst: 0 });
  });
});

describe('withAcknowledged', () => {
  it('applies the answer to an alert still open in the store', () => {
    const next = withAcknowledged(byId(anAlert('a')), anAlert('a', acked));
    expect(next.get('a')?.acknowledgedBy).toBe('operator3');
  });

  it('keeps what the feed already brought', () => {
    const store = byId(anAlert('a', { ...acked, resolvedAt: 3_000_000 }));
    expect(withAcknowledged(store, anAlert('a', acked))).toBe(store);
  });

  it('keeps a resolution the answer did not know of', () => {
    const next = withAcknowledged(byId(anAlert('a', { resolvedAt: 1_500_000 })), anAlert('a', acked));
    expect(next.get('a')).toMatchObject({ ...acked, resolvedAt: 1_500_000 });
  });
});
