import { describe, expect, it } from 'vitest';
import { chosenWindow, tracksFit } from './windowChoice.js';

const now = Date.UTC(2026, 10, 21, 10, 30);
const HOUR = 3_600_000;

describe('chosenWindow', () => {
  it('counts back from the server’s time', () => {
    expect(chosenWindow('24h', now, '', '')).toEqual({ ok: true, window: { from: now - 24 * HOUR, to: now } });
    expect(chosenWindow('1h', now, 'junk', 'junk')).toEqual({ ok: true, window: { from: now - HOUR, to: now } });
  });

  it('reads a typed window as Juba time (UTC+2)', () => {
    expect(chosenWindow('custom', now, '2026-11-20 06:00', '2026-11-21 06:00')).toEqual({ ok: true, window: { from: Date.UTC(2026, 10, 20, 4), to: Date.UTC(2026, 10, 21, 4) } });
  });

  it('says which end is wrong', () => {
    expect(chosenWindow('custom', now, 'yesterday', '2026-11-21 06:00')).toMatchObject({ ok: false, field: 'from' });
    expect(chosenWindow('custom', now, '2026-11-21 06:00', '')).toMatchObject({ ok: false, field: 'to' });
    expect(chosenWindow('custom', now, '2026-11-21 06:00', '2026-11-21 05:00')).toMatchObject({ ok: false, field: 'to', message: 'The end must come after the start.' });
  });

  it('lets tracks cover 24 hours at most', () => {
    expect(tracksFit({ from: now - 24 * HOUR, to: now })).toBe(true);
    expect(tracksFit({ from: now - 24 * HOUR - 1, to: now })).toBe(false);
  });
});
