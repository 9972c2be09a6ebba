import { describe, expect, it } from 'vitest';
import { alarmNotes } from './tone.js';

describe('alarmNotes', () => {
  it('is short: a critical siren and high beeps each end within two seconds', () => {
    for (const severity of [3, 4]) {
      const notes = alarmNotes(severity);
      const end = Math.max(...notes.map((n) => n.at + n.length));
      expect(end).toBeLessThan(2);
      expect(notes.length).toBeGreaterThan(1);
    }
  });

  it('sounds two tones for critical and one for high', () => {
    expect(new Set(alarmNotes(4).map((n) => n.hz)).size).toBe(2);
    expect(new Set(alarmNotes(3).map((n) => n.hz)).size).toBe(1);
  });
});
