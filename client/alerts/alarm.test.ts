import { describe, expect, it } from 'vitest';
import { alarmFor, keepsSounding, repeatDue } from './alarm.js';
import { anAlert, byId } from './fixtures.js';

describe('alarmFor', () => {
  it('is silent on the first snapshot after loading', () => {
    expect(alarmFor(null, byId(anAlert('a', { severity: 4 })))).toBe(0);
  });

  it('sounds the worst new alert of severity 3 or more', () => {
    const before = byId(anAlert('old', { severity: 4 }));
    expect(alarmFor(before, byId(anAlert('old', { severity: 4 }), anAlert('new', { severity: 3 })))).toBe(3);
    expect(alarmFor(new Map(), byId(anAlert('x', { severity: 3 }), anAlert('y', { severity: 4 })))).toBe(4);
  });

  it('is silent for mild, acknowledged, resolved or already known alerts', () => {
    const known = anAlert('known');
    expect(alarmFor(byId(known), byId({ ...known, resolvedAt: 5 }))).toBe(0);
    expect(alarmFor(new Map(), byId(anAlert('mild', { severity: 2 })))).toBe(0);
    expect(alarmFor(new Map(), byId(anAlert('acked', { acknowledgedAt: 1, acknowledgedBy: 'op' })))).toBe(0);
    expect(alarmFor(new Map(), byId(anAlert('gone', { resolvedAt: 1 })))).toBe(0);
  });
});

describe('escalation', () => {
  it('sounds an alert again when it is escalated, even a medium one, but only once', () => {
    const waiting = anAlert('slow', { severity: 2, raisedAt: 1_000 });
    const escalated = { ...waiting, escalatedAt: 200_000 };
    expect(alarmFor(byId(waiting), byId(escalated))).toBe(3);
    expect(alarmFor(byId(escalated), byId(escalated))).toBe(0);
    expect(alarmFor(byId(anAlert('c', { severity: 4 })), byId(anAlert('c', { severity: 4, escalatedAt: 5 })))).toBe(4);
    expect(alarmFor(byId(waiting), byId({ ...escalated, acknowledgedAt: 3, acknowledgedBy: 'op' }))).toBe(0);
  });
});

describe('repeating', () => {
  it('keeps sounding while a critical alert is unacknowledged', () => {
    expect(keepsSounding(byId(anAlert('a', { severity: 4 })))).toBe(true);
    expect(keepsSounding(byId(anAlert('a', { severity: 3 })))).toBe(false);
    expect(keepsSounding(byId(anAlert('a', { severity: 4, acknowledgedAt: 1, acknowledgedBy: 'op' })))).toBe(false);
  });

  it('repeats ten seconds after the last sound', () => {
    const alerts = byId(anAlert('a', { severity: 4 }));
    expect(repeatDue(alerts, 1_000, 10_999)).toBe(false);
    expect(repeatDue(alerts, 1_000, 11_000)).toBe(true);
    expect(repeatDue(new Map(), 1_000, 60_000)).toBe(false);
  });
});
