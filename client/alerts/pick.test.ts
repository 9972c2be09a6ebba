import { describe, expect, it } from 'vitest';
import { bannerAlert } from './pick.js';
import { anAlert, byId } from './fixtures.js';

describe('bannerAlert', () => {
  it('shows nothing when there are no alerts or all are acknowledged', () => {
    expect(bannerAlert(new Map())).toBeNull();
    expect(bannerAlert(byId(anAlert('a', { acknowledgedAt: 5, acknowledgedBy: 'op' })))).toBeNull();
  });

  it('shows the most severe before a newer, milder one', () => {
    const pick = bannerAlert(
      byId(anAlert('old-sos', { severity: 4, raisedAt: 100 }), anAlert('new-lost', { kind: 'unit-lost', severity: 3, raisedAt: 900 })),
    );
    expect(pick?.alert.id).toBe('old-sos');
    expect(pick?.others).toBe(1);
  });

  it('shows the newest at equal severity', () => {
    const pick = bannerAlert(byId(anAlert('a', { raisedAt: 100 }), anAlert('b', { raisedAt: 300 }), anAlert('c', { raisedAt: 200 })));
    expect(pick).toEqual({ alert: expect.objectContaining({ id: 'b' }), others: 2 });
  });

  it('puts a live cause before a resolved one at equal severity', () => {
    const pick = bannerAlert(byId(anAlert('live', { raisedAt: 100 }), anAlert('cancelled', { raisedAt: 300, resolvedAt: 350 })));
    expect(pick?.alert.id).toBe('live');
  });

  it('still shows a resolved alert nobody has acknowledged', () => {
    expect(bannerAlert(byId(anAlert('cancelled', { resolvedAt: 350 })))?.alert.id).toBe('cancelled');
  });

  it('counts only unacknowledged alerts as more', () => {
    const pick = bannerAlert(byId(anAlert('a'), anAlert('b', { acknowledgedAt: 1, acknowledgedBy: 'op' }), anAlert('c', { severity: 2 })));
    expect(pick?.alert.id).toBe('a');
    expect(pick?.others).toBe(1);
  });
});

describe('notices', () => {
  it('stay out of the banner', () => {
    const notice = anAlert('n', { kind: 'patrol-entered-zone', severity: 1, raisedAt: 1_000, resolvedAt: 1_000 });
    expect(bannerAlert(byId(notice))).toBeNull();
    const lost = anAlert('l', { kind: 'unit-lost', severity: 3, raisedAt: 900 });
    expect(bannerAlert(byId(notice, lost))).toEqual({ alert: lost, others: 0 });
  });
});
