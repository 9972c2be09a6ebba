import { describe, expect, it } from 'vitest';
import { corridorFeatures, corridorLayers } from './corridors.js';
import { SITES } from './ids.js';
import { siteLayers } from './siteLayers.js';
import { pocFootprints, siteLabel, sitePoints } from './sites.js';
import { testPack } from './testPack.js';

describe('sitePoints', () => {
  it('puts every point site in one collection, told apart by kind', () => {
    const fc = sitePoints(testPack);
    expect(fc.features.map((f) => [f.properties.kind, f.properties.collection, f.properties.id])).toEqual([
      ['headquarters', 'headquarters', 'unmiss-hq'],
      ['field-office', 'fieldOffices', 'bor'],
      ['poc-site', 'pocSites', 'malakal-poc'],
      ['police-station', 'policeStations', 'kayango'],
    ]);
    expect(fc.features[2]?.properties.status).toBe('poc-site');
  });
  it('drops "field office" from an office label: its icon says so', () => {
    expect(siteLabel('field-office', 'Bentiu field office')).toBe('Bentiu');
    expect(siteLabel('poc-site', 'Bentiu POC')).toBe('Bentiu POC');
  });
});

describe('pocFootprints', () => {
  it('draws a closed circle of the site radius around its anchor', () => {
    const ring = pocFootprints(testPack).features[0]?.geometry.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThan(40);
    expect(ring[0]).toEqual(ring.at(-1));
    const north = Math.max(...ring.map((p) => p[1] ?? 0));
    // 1.2 km north of 9.55° N is about 0.0108° of latitude.
    expect(north - 9.55).toBeCloseTo(0.0108, 3);
  });
});

describe('siteLayers', () => {
  it('draws headquarters on top so its name wins a collision', () => {
    const ids = siteLayers().map((l) => l.id);
    expect(ids.at(-1)).toBe(SITES.hqSymbol);
    expect(ids.indexOf(SITES.pocFill)).toBe(0);
  });
  it('uses only local fonts and icons the client draws itself', () => {
    expect(JSON.stringify(siteLayers())).not.toMatch(/https?:/);
  });
});

describe('corridors', () => {
  it('labels each corridor with its name and season', () => {
    const f = corridorFeatures(testPack, 1).features[0];
    expect(f?.properties).toMatchObject({ label: 'Tonj–Wau · Dec–May', season: 'Dec–May', active: true });
    expect(corridorFeatures(testPack, 7).features[0]?.properties.active).toBe(false);
  });
  it('draws them dashed', () => {
    const line = corridorLayers().find((l) => l.type === 'line' && l.paint && 'line-dasharray' in l.paint);
    expect(line).toBeDefined();
  });
});
