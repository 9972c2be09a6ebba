import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatHeading, formatSpeed } from './quantities.js';

describe('quantities', () => {
  it('turns m/s into whole km/h', () => {
    expect(formatSpeed(10)).toBe('36 km/h');
    expect(formatSpeed(0)).toBe('0 km/h');
    expect(formatSpeed(undefined)).toBe('—');
  });
  it('writes headings as three digits and a compass point', () => {
    expect(formatHeading(45)).toBe('045° NE');
    expect(formatHeading(0)).toBe('000° N');
    expect(formatHeading(359.6)).toBe('000° N');
    expect(formatHeading(200)).toBe('200° S');
    expect(formatHeading(undefined)).toBe('—');
  });
  it('writes accuracy in metres, then kilometres', () => {
    expect(formatAccuracy(12.4)).toBe('±12 m');
    expect(formatAccuracy(1500)).toBe('±1.5 km');
  });
});
