import { describe, expect, it } from 'vitest';
import { detailsText, jubaStamp, utcStamp } from './format.js';

const t = Date.UTC(2026, 10, 21, 14, 30, 5);

describe('audit times', () => {
  it('reads in UTC and in Juba (UTC+2)', () => {
    expect(utcStamp(t)).toBe('2026-11-21 14:30:05Z');
    expect(jubaStamp(t)).toBe('21 Nov 2026 16:30:05');
  });
  it('crosses midnight in Juba before it does in UTC', () => {
    expect(jubaStamp(Date.UTC(2026, 11, 31, 23, 0, 0))).toBe('1 Jan 2027 01:00:00');
  });
});

describe('detailsText', () => {
  it('lists details on one line', () => {
    expect(detailsText({ role: 'operator', sensitive: false, from: '10.0.0.4' })).toBe('role: operator, sensitive: false, from: 10.0.0.4');
    expect(detailsText({ change: { role: 'viewer' } })).toBe('change: {"role":"viewer"}');
    expect(detailsText(null)).toBe('');
  });
});
