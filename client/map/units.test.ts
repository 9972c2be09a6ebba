import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { UNITS } from './ids.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, UNIT_TYPE_COLOURS } from './palette.js';
import { unitLayers } from './unitLayers.js';
import { unitsToFeatureCollection } from './units.js';

const now = 1_800_000_000_000;
const thresholds = { staleAfterMs: 180_000, lostAfterMs: 900_000 };

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
    const fc = unitsToFeatureCollection([unit('1'), unit('2', { last: null, status: 'unknown' })], { now, thresholds });
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
      { now, thresholds },
    );
    const colour = (id: string) => fc.features.find((f) => f.properties.id === id)?.properties.color;
    expect(colour('a')).toBe(UNIT_TYPE_COLOURS['ipo-foot']);
    expect(colour('b')).toBe(ACTIVITY_COLOURS.responding);
    expect(colour('c')).toBe(ACTIVITY_COLOURS.sos);
    // SOS is drawn last, on top of everything else.
    expect(fc.features.at(-1)?.properties.id).toBe('c');
  });

  it('dims a stale unit and draws a lost one as a hollow grey ring', () => {
    const fc = unitsToFeatureCollection([unit('s', { status: 'stale' }), unit('l', {}, 1_000_000)], { now, thresholds });
    const props = (id: string) => fc.features.find((f) => f.properties.id === id)?.properties;
    expect(props('s')).toMatchObject({ status: 'stale', fillOpacity: 0.4 });
    expect(props('l')).toMatchObject({ status: 'lost', fillOpacity: 0, strokeColor: LOST_COLOUR, color: LOST_COLOUR, showHeading: false });
  });

  it('draws no heading arrow for a unit standing still', () => {
    const still = unit('x', { last: { time: now, lat: 4.85, lon: 31.6, speed: 0.1, heading: 200 } });
    const fc = unitsToFeatureCollection([still], { now, thresholds });
    expect(fc.features[0]?.properties.showHeading).toBe(false);
  });

  it('draws a unit where its tween says', () => {
    const fc = unitsToFeatureCollection([unit('1')], { now, thresholds, positionOf: () => [31.7, 4.9] });
    expect(fc.features[0]?.geometry.coordinates).toEqual([31.7, 4.9]);
  });
});

describe('unitLayers', () => {
  it('draws every layer from the one units source with prefixed ids', () => {
    const layers = unitLayers();
    expect(layers.map((l) => l.id)).toEqual([UNITS.accuracy, UNITS.halo, UNITS.heading, UNITS.marker, UNITS.selected, UNITS.label]);
    for (const layer of layers) {
      expect(layer.id.startsWith('ops-units-')).toBe(true);
      expect('source' in layer && layer.source).toBe(UNITS.source);
    }
  });
  it('shows callsigns only when zoomed in', () => {
    const label = unitLayers().find((l) => l.id === UNITS.label);
    expect(label?.minzoom).toBeGreaterThanOrEqual(7);
  });
});
