import { describe, expect, it } from 'vitest';
import { IncidentCategory, IncidentStatus } from '../../shared/incidents.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, categoryLabel, incidentStatusLabel } from './categories.js';
import { nextStatuses, stepLabel } from './lifecycle.js';

describe('category palette', () => {
  it('gives every category a label, a code and a colour', () => {
    for (const c of IncidentCategory.options) {
      expect(categoryLabel(c, 'en')).toBeTruthy();
      expect(categoryLabel(c, 'fr')).toBeTruthy();
      expect(CATEGORY_CODE[c]).toBeTruthy();
      expect(CATEGORY_COLOUR[c]).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('keeps colours and codes distinct so no two categories look the same', () => {
    const colours = IncidentCategory.options.map((c) => CATEGORY_COLOUR[c]);
    const codes = IncidentCategory.options.map((c) => CATEGORY_CODE[c]);
    expect(new Set(colours).size).toBe(colours.length);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('lifecycle', () => {
  it('labels every status and offers only real statuses', () => {
    for (const s of IncidentStatus.options) {
      expect(incidentStatusLabel(s, 'en')).toBeTruthy();
      expect(incidentStatusLabel(s, 'fr')).toBeTruthy();
      expect(stepLabel(s, 'en')).toBeTruthy();
      expect(stepLabel(s, 'fr')).toBeTruthy();
      for (const next of nextStatuses(s)) expect(IncidentStatus.options).toContain(next);
    }
  });

  it('walks reported → verified → responding → resolved → closed', () => {
    expect(nextStatuses('reported')).toContain('verified');
    expect(nextStatuses('verified')).toContain('responding');
    expect(nextStatuses('responding')).toContain('resolved');
    expect(nextStatuses('resolved')).toContain('closed');
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('false-report')).toEqual([]);
  });
});
