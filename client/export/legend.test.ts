import { describe, expect, it } from 'vitest';
import { legendSections, nothingDrawn } from './legend.js';

describe('legendSections', () => {
  it('is empty when nothing is drawn', () => {
    expect(legendSections(nothingDrawn())).toEqual([]);
  });

  it('lists only what the map drew in the extent, in the map legend’s words', () => {
    const sections = legendSections({
      ...nothingDrawn(),
      unitTypes: new Set(['ipo-foot', 'fpu-vehicle']),
      lost: true,
      categories: new Set(['sgbv', 'crime']),
      critical: true,
      coarsened: true,
      pocStatuses: new Set(['poc-site']),
      corridorsOutOfSeason: true,
    });
    expect(sections.map((s) => [s.title, s.entries.map((e) => e.label)])).toEqual([
      ['Patrols', ['FPU vehicle', 'IPO on foot', 'Lost: hollow']],
      ['Incidents', ['SGBV', 'Crime', 'Critical (4)', 'Need-to-know: ±2 km']],
      ['POC sites', ['POC site']],
      ['Migration corridors', ['Out of season']],
    ]);
    expect(sections[1]?.entries[0]?.symbol).toEqual({ kind: 'diamond', colour: '#ff4fa3', code: 'SG' });
  });

  it('speaks French on a French screen', () => {
    const sections = legendSections({ ...nothingDrawn(), unitTypes: new Set(['fpu-vehicle']), stale: true, high: true, categories: new Set(['crime']), corridorsInSeason: true }, 'fr');
    expect(sections.map((s) => s.entries.map((e) => e.label)).flat()).toEqual(['Véhicule FPU', 'En retard : estompée', expect.any(String), 'Élevée (3)', 'En saison']);
    expect(sections.map((s) => s.entries.map((e) => e.label)).flat().join(' ')).not.toMatch(/Stale|High|In season|Crime\b/);
  });
});
