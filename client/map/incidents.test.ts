import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../shared/incidents.js';
import { CATEGORY_COLOUR } from '../incidents/categories.js';
import { circlePolygon, coarseAreas, COARSE_RADIUS_M, incidentPoints } from './incidents.js';

function incident(over: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id: 'a',
    category: 'cattle-raiding',
    severity: 2,
    title: 'Cattle taken near Kodok',
    description: '',
    location: { lat: 9.55, lon: 31.66 },
    locationCoarsened: false,
    sensitive: false,
    protected: false,
    status: 'reported',
    occurredAt: 0,
    reportedAt: 0,
    reportedBy: 'admin',
    updatedAt: 0,
    fieldOffice: null,
    nearestSite: null,
    assignments: [],
    ...over,
  };
}

describe('incidentPoints', () => {
  it('puts each incident at its location with its colour, code and state', () => {
    const { features } = incidentPoints([incident()]);
    expect(features).toHaveLength(1);
    const f = features[0];
    expect(f?.geometry.coordinates).toEqual([31.66, 9.55]);
    expect(f?.properties).toMatchObject({ id: 'a', colour: CATEGORY_COLOUR['cattle-raiding'], code: 'CR', done: false, coarsened: false });
  });

  it('marks finished incidents and draws them below open ones, the most severe on top', () => {
    const { features } = incidentPoints([
      incident({ id: 'critical', severity: 4 }),
      incident({ id: 'closed', severity: 4, status: 'closed' }),
      incident({ id: 'low', severity: 1 }),
    ]);
    expect(features.map((f) => f.properties.id)).toEqual(['closed', 'low', 'critical']);
    expect(features[0]?.properties.done).toBe(true);
  });
});

describe('coarseAreas', () => {
  it('draws an area only round coarsened incidents', () => {
    const { features } = coarseAreas([incident(), incident({ id: 'b', category: 'sgbv', locationCoarsened: true, sensitive: true })]);
    expect(features.map((f) => f.properties.id)).toEqual(['b']);
  });

  it('makes a closed ring about the right size', () => {
    const ring = circlePolygon(31.66, 9.55, COARSE_RADIUS_M).coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const north = Math.max(...ring.map((p) => p[1] ?? 0));
    expect((north - 9.55) * 111_195).toBeCloseTo(COARSE_RADIUS_M, -1);
  });
});
