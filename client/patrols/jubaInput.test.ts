import { describe, expect, it } from 'vitest';
import { dueAfter, fromJubaInput, toJubaInput } from './jubaInput.js';

describe('Juba time inputs', () => {
  it('reads and writes dates and times in Juba time, 24-hour, whatever the machine’s zone', () => {
    expect(toJubaInput(Date.UTC(2027, 1, 15, 12, 30, 45))).toBe('2027-02-15 14:30');
    expect(toJubaInput(Date.UTC(2027, 1, 15, 23, 10))).toBe('2027-02-16 01:10');
    expect(fromJubaInput('2027-02-15T14:30')).toBe(Date.UTC(2027, 1, 15, 12, 30));
    expect(fromJubaInput('2027-02-16 01:10')).toBe(Date.UTC(2027, 1, 15, 23, 10));
    expect(fromJubaInput(' 2027-2-16  1:10 ')).toBe(Date.UTC(2027, 1, 15, 23, 10));
  });

  it('uses the offset Juba had at the time: UTC+3 before February 2021', () => {
    expect(fromJubaInput('2020-06-01T12:00')).toBe(Date.UTC(2020, 5, 1, 9, 0));
    expect(toJubaInput(Date.UTC(2020, 5, 1, 9, 0))).toBe('2020-06-01 12:00');
  });

  it('refuses what is not a date and time', () => {
    expect(fromJubaInput('')).toBeNull();
    expect(fromJubaInput('2027-02-15')).toBeNull();
    expect(fromJubaInput('2027-13-01T10:00')).toBeNull();
    expect(fromJubaInput('2027-02-15T24:00')).toBeNull();
  });

  it('places a due time of day inside a window, across midnight too', () => {
    const start = Date.UTC(2027, 1, 15, 18, 0); // 20:00 Juba
    expect(dueAfter('22:15', start)).toBe(Date.UTC(2027, 1, 15, 20, 15));
    expect(dueAfter('01:30', start)).toBe(Date.UTC(2027, 1, 15, 23, 30));
    expect(dueAfter('20:00', start)).toBe(start);
    expect(dueAfter('7:05', start)).toBe(Date.UTC(2027, 1, 16, 5, 5));
    expect(dueAfter('25:00', start)).toBeNull();
    expect(dueAfter('noon', start)).toBeNull();
  });
});
