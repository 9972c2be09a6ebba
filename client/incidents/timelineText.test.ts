import { describe, expect, it } from 'vitest';
import { formatMgrs } from '../format/position.js';
import { timelineLines } from './timelineText.js';

describe('timelineLines', () => {
  it('calls the first entry "Reported"', () => {
    expect(timelineLines({ action: 'created', changes: { category: 'crime' } })).toEqual(['Reported']);
  });

  it('words each change', () => {
    expect(timelineLines({ action: 'updated', changes: { status: 'false-report', severity: 4, category: 'sgbv' } })).toEqual([
      'Status → False report',
      'Severity → 4 — Critical',
      'Category → SGBV',
    ]);
    expect(timelineLines({ action: 'updated', changes: { location: { lat: 4.8594, lon: 31.5825 } } })).toEqual([`Location → ${formatMgrs(31.5825, 4.8594)}`]);
  });

  it('never repeats people on record and keeps long text short', () => {
    expect(timelineLines({ action: 'updated', changes: { peopleOnRecord: '[need-to-know]' } })).toEqual(['People on record changed (need-to-know)']);
    const [line] = timelineLines({ action: 'updated', changes: { title: 'x'.repeat(100) } });
    expect(line?.length).toBeLessThan(80);
  });
});
