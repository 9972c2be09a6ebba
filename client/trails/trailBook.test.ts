import { describe, expect, it } from 'vitest';
import { TrailBook } from './trailBook.js';

const t0 = 1_800_000_000_000;
const s = (seconds: number) => t0 + seconds * 1000;

describe('TrailBook', () => {
  it('appends each newer fix, oldest first', () => {
    const book = new TrailBook();
    expect(book.add('u1', s(0), 31.6, 4.85)).toBe(true);
    expect(book.add('u1', s(10), 31.61, 4.85)).toBe(true);
    expect(book.get('u1')).toEqual([
      [s(0), 31.6, 4.85],
      [s(10), 31.61, 4.85],
    ]);
  });

  it('ignores a fix no newer than the last point (a repeat, or a late one)', () => {
    const book = new TrailBook();
    book.add('u1', s(10), 31.6, 4.85);
    expect(book.add('u1', s(10), 31.6, 4.85)).toBe(false);
    expect(book.add('u1', s(5), 31.7, 4.9)).toBe(false);
    expect(book.get('u1')).toHaveLength(1);
  });

  it('keeps one point for a unit standing still, stamped with its newest time', () => {
    const book = new TrailBook();
    book.add('post', s(0), 31.6, 4.85);
    book.add('post', s(30), 31.6, 4.85);
    book.add('post', s(60), 31.6, 4.85);
    expect(book.get('post')).toEqual([[s(60), 31.6, 4.85]]);
  });

  it('thins a unit that reports every second to the minimum spacing', () => {
    const book = new TrailBook({ minSpacingMs: 5_000 });
    for (let i = 0; i <= 60; i++) book.add('fast', s(i), 31.6 + i * 1e-4, 4.85);
    const trail = book.get('fast') ?? [];
    expect(trail.length).toBeLessThanOrEqual(26);
    expect(trail.at(0)?.[0]).toBe(s(0));
    // The newest fix is always kept: the trail ends where the marker is.
    expect(trail.at(-1)).toEqual([s(60), 31.6 + 60 * 1e-4, 4.85]);
  });

  it('drops points older than the window, and trails of units no longer known', () => {
    const book = new TrailBook({ windowMs: 30 * 60_000 });
    book.add('u1', s(0), 31.6, 4.85);
    book.add('u1', s(20 * 60), 31.61, 4.85);
    book.add('gone', s(20 * 60), 31.7, 4.9);
    expect(book.trim(s(31 * 60), new Map([['u1', null]]))).toBe(true);
    expect(book.get('u1')).toEqual([[s(20 * 60), 31.61, 4.85]]);
    expect(book.get('gone')).toBeUndefined();
    expect(book.trim(s(31 * 60))).toBe(false);
    book.trim(s(60 * 60));
    expect(book.get('u1')).toBeUndefined();
  });

  it('stays bounded however long and fast units report', () => {
    const book = new TrailBook({ windowMs: 30 * 60_000, minSpacingMs: 5_000, maxPoints: 400 });
    for (let i = 0; i < 4 * 3600; i++) {
      book.add('a', s(i), 31 + (i % 1000) * 1e-4, 4.8);
      if (i % 60 === 0) book.trim(s(i));
    }
    expect(book.pointCount).toBeLessThanOrEqual(400);
  });

  it('loads the server trails and keeps live points newer than their end', () => {
    const book = new TrailBook();
    book.add('u1', s(100), 31.63, 4.85); // arrived live while the trails were loading
    book.add('u2', s(100), 32, 5); // a unit the server's answer did not include
    book.load([
      {
        unitId: 'u1',
        points: [
          [s(0), 31.6, 4.85],
          [s(50), 31.61, 4.85],
          [s(90), 31.62, 4.85],
        ],
      },
    ]);
    expect(book.get('u1')?.map((p) => p[0])).toEqual([s(0), s(50), s(90), s(100)]);
    expect(book.get('u2')).toEqual([[s(100), 32, 5]]);
  });

  it('loads over an older live point without drawing backwards', () => {
    const book = new TrailBook();
    book.add('u1', s(40), 31.7, 4.85);
    book.load([{ unitId: 'u1', points: [[s(0), 31.6, 4.85], [s(50), 31.61, 4.85]] }]);
    expect(book.get('u1')?.map((p) => p[0])).toEqual([s(0), s(50)]);
  });
});
