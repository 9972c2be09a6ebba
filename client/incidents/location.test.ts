import { describe, expect, it } from 'vitest';
import { formatMgrs } from '../format/position.js';
import { parseLocation } from './location.js';

describe('parseLocation', () => {
  it('reads an MGRS grid reference with spaces', () => {
    const r = parseLocation('36N UR 44922 51369');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('mgrs');
    expect(r.lat).toBeCloseTo(9.5083, 3);
    expect(r.lon).toBeCloseTo(31.5872, 3);
  });

  it('reads the same reference without spaces and in lower case', () => {
    const spaced = parseLocation('36N UR 44922 51369');
    const compact = parseLocation(' 36nur4492251369 ');
    expect(compact).toEqual(spaced);
  });

  it('round-trips what the details panel shows', () => {
    const shown = formatMgrs(31.66, 9.55);
    const r = parseLocation(shown);
    expect(r.ok && r.lat).toBeCloseTo(9.55, 4);
    expect(r.ok && r.lon).toBeCloseTo(31.66, 4);
  });

  it('reads decimal degrees, latitude first, with or without hemisphere letters', () => {
    expect(parseLocation('9.55, 31.66')).toEqual({ ok: true, lat: 9.55, lon: 31.66, format: 'decimal' });
    expect(parseLocation('9.55 31.66')).toEqual({ ok: true, lat: 9.55, lon: 31.66, format: 'decimal' });
    expect(parseLocation('4.85123° N, 31.58234° E')).toEqual({ ok: true, lat: 4.85123, lon: 31.58234, format: 'decimal' });
  });

  it('suggests swapping when longitude came first', () => {
    const r = parseLocation('31.66, 9.55');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain('did you mean 9.55, 31.66');
  });

  it('says what is wrong with a bad grid reference', () => {
    const odd = parseLocation('36N UR 4492 51369');
    expect(!odd.ok && odd.problem).toContain('same number of digits');
    const zone = parseLocation('61N UR 44922 51369');
    expect(!zone.ok && zone.problem).toContain('Zone 61');
    const square = parseLocation('36N UO 44922 51369');
    expect(!square.ok && square.problem).toContain('I or O');
    const band = parseLocation('36I UR 44922 51369');
    expect(!band.ok && band.problem).toContain('band');
    const noDigits = parseLocation('36N UR');
    expect(!noDigits.ok && noDigits.problem).toContain('easting and northing');
  });

  it('refuses a point far from South Sudan and an empty or unreadable field', () => {
    expect(parseLocation('51.5, -0.12').ok).toBe(false);
    expect(parseLocation('95, 31').ok).toBe(false);
    expect(parseLocation('').ok).toBe(false);
    const words = parseLocation('Malakal');
    expect(!words.ok && words.problem).toContain('neither');
  });
});
