import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { UNITS } from './ids.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, UNIT_TYPE_COLOURS } from './palette.js';
import { unitLayers } from './unitLayers.js';
import { unitsToFeatureCollection } from './units.js';

const now = 1_800_000_000_000;
const t = { staleAfterMs: 180_000, lostAfterMs: 900_000 };
const policy = { 'fpu-vehicle': t, 'ipo-foot': t, 'joint-patrol': t, 'static-post': t };

function unit(id: string, patch: Partial<Unit> = {}, ageMs = 5_000): Unit {
  return {
    id,
    callsign: `JUB-FPU-${id}`,
    type: 'fpu-vehicle',
    fieldOffice: 'juba',
    activity: 'on-patrol',
    status: 'live',
    last: { time: now - ageMs, lat: 4.85, lon: 31.6, speed: 8, heading: 90, accuracy: 12 },
    ...patch,
  };
}

describe('unitsToFeatureCollection', () => {
  it('makes one point per unit with a fix, at [lon, lat]', () => {
    const fc = unitsToFeatureCollection([unit('1'), unit('2', { last: null, status: 'unknown' })], { now, policy });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]?.geometry.coordinates).toEqual([31.6, 4.85]);
    expect(fc.features[0]?.properties).toMatchObject({
      id: '1',
      callsign: 'JUB-FPU-1',
      color: UNIT_TYPE_COLOURS['fpu-vehicle'],
      fillOpacity: 1,
      showHeading: true,
      heading: 90,
      accuracy: 12,
    });
  });

  it('colours by type, and by activity in an emergency', () => {
    const fc = unitsToFeatureCollection(
      [unit('a', { type: 'ipo-foot' }), unit('b', { activity: 'responding' }), unit('c', { activity: 'sos' })],
      { now, policy },
    );
    const colour = (id: string) => fc.features.find((f) => f.properties.id === id)?.properties.color;
    expect(colour('a')).toBe(UNIT_TYPE_COLOURS['ipo-foot']);
    expect(colour('b')).toBe(ACTIVITY_COLOURS.responding);
    expect(colour('c')).toBe(ACTIVITY_COLOURS.sos);
    // SOS is drawn last, on top of everything else.
    expect(fc.features.at(-1)?.properties.id).toBe('c');
  });

  it('dims a stale unit and draws a lost one as a hollow grey ring', () => {
    const fc = unitsToFeatureCollection([unit('s', { status: 'stale' }), unit('l', {}, 1_000_000)], { now, policy });
    const props = (id: string) => fc.features.find((f) => f.properties.id === id)?.properties;
    expect(props('s')).toMatchObject({ status: 'stale', fillOpacity: 0.4 });
    expect(props('l')).toMatchObject({ status: 'lost', fillOpacity: 0, strokeColor: LOST_COLOUR, color: LOST_COLOUR, showHeading: false });
  });

  it('labels a stale unit "last seen …" and a lost one "lost · last seen …"; a live one not at all', () => {
    const fc = unitsToFeatureCollection([unit('live'), unit('s', {}, 7 * 60_000), unit('l', {}, 23 * 60_000)], { now, policy });
    const seen = (id: string) => fc.features.find((f) => f.properties.id === id)?.properties.seen;
    expect(seen('live')).toBe('');
    expect(seen('s')).toBe('last seen 7 min ago');
    expect(seen('l')).toBe('lost · last seen 23 min ago');
  });

  it('marks an implausible fix', () => {
    const jumped = unit('j', { last: { time: now, lat: 4.85, lon: 31.6, implausible: true } });
    const fc = unitsToFeatureCollection([jumped, unit('ok')], { now, policy });
    expect(fc.features.map((f) => [f.properties.id, f.properties.implausible])).toEqual([
      ['j', true],
      ['ok', false],
    ]);
  });

  it('draws no heading arrow for a unit standing still', () => {
    const still = unit('x', { last: { time: now, lat: 4.85, lon: 31.6, speed: 0.1, heading: 200 } });
    const fc = unitsToFeatureCollection([still], { now, policy });
    expect(fc.features[0]?.properties.showHeading).toBe(false);
  });

  it('draws a unit where its tween says', () => {
    const fc = unitsToFeatureCollection([unit('1')], { now, policy, positionOf: () => [31.7, 4.9] });
    expect(fc.features[0]?.geometry.coordinates).toEqual([31.7, 4.9]);
  });
});

describe('unitLayers', () => {
  it('draws every layer from the one units source with prefixed ids', () => {
    const layers = unitLayers();
    expect(layers.map((l) => l.id)).toEqual([
      UNITS.accuracy,
      UNITS.halo,
      UNITS.heading,
      UNITS.marker,
      UNITS.selected,
      UNITS.implausibleRing,
      UNITS.implausibleBadge,
      UNITS.label,
      UNITS.seen,
    ]);
    for (const layer of layers) {
      expect(layer.id.startsWith('ops-units-')).toBe(true);
      expect('source' in layer && layer.source).toBe(UNITS.source);
    }
  });
  it('shows "last seen" at every zoom, legibly', () => {
    const seen = unitLayers().find((l) => l.id === UNITS.seen);
    expect(seen?.minzoom).toBeUndefined();
    expect(seen?.type === 'symbol' && seen.layout?.['text-size']).toEqual(['interpolate', ['linear'], ['zoom'], 4, 13, 10, 14, 14, 16]);
    expect(seen?.type === 'symbol' && seen.paint?.['text-halo-width']).toBeGreaterThanOrEqual(2);
  });
  it('shows callsigns only when zoomed in', () => {
    const label = unitLayers().find((l) => l.id === UNITS.label);
    expect(label?.minzoom).toBeGreaterThanOrEqual(7);
  });
});
