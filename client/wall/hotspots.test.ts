import { describe, expect, it } from 'vitest';
import { anAlert, byId } from '../alerts/fixtures.js';
import { aUnit, anIncident, mapOf } from './fixtures.js';
import { findHotspots, INCIDENT_ZOOM, newUrgentAlert, UNIT_ZOOM } from './hotspots.js';

describe('findHotspots', () => {
  it('lists SOS patrols, then waiting alerts worst first, then open high and critical incidents', () => {
    const units = mapOf(
      aUnit('bor-fpu-2', { callsign: 'BOR-FPU-2', activity: 'sos', last: { time: 5, lat: 6.2, lon: 31.5 } }),
      aUnit('mal-fpu-1', { callsign: 'MAL-FPU-1' }),
      aUnit('quiet', { activity: 'sos', last: null }),
    );
    const incidents = mapOf(
      anIncident('sos-incident', { severity: 4, title: 'SOS at Bor' }),
      anIncident('raid', { severity: 3, title: 'Cattle raid at Kodok', reportedAt: 10 }),
      anIncident('clash', { severity: 4, title: 'Clash at Pibor', reportedAt: 5 }),
      anIncident('minor', { severity: 2 }),
      anIncident('closed', { severity: 4, status: 'closed' }),
    );
    const alerts = byId(
      anAlert('sos', { unitId: 'bor-fpu-2', incidentId: 'sos-incident' }),
      anAlert('lost', { kind: 'unit-lost', severity: 3, unitId: 'mal-fpu-1' }),
      anAlert('near', { kind: 'incident-near-site', severity: 4, unitId: null, incidentId: 'raid', raisedAt: 2_000_000 }),
      anAlert('done', { unitId: 'mal-fpu-1', acknowledgedAt: 5, acknowledgedBy: 'op' }),
    );
    const spots = findHotspots(units, incidents, alerts);
    expect(spots.map((s) => [s.key, s.kind, s.label])).toEqual([
      ['unit:bor-fpu-2', 'sos', 'SOS — BOR-FPU-2'],
      ['incident:raid', 'alert', 'Incident near site — Cattle raid at Kodok'],
      ['unit:mal-fpu-1', 'alert', 'Unit lost — MAL-FPU-1'],
      ['incident:clash', 'incident', 'Critical incident — Clash at Pibor'],
    ]);
    // The same places on a French wall; names and titles as they are.
    expect(findHotspots(units, incidents, alerts, 'fr').map((s) => s.label)).toEqual([
      'SOS — BOR-FPU-2',
      'Incident près d’un site — Cattle raid at Kodok',
      'Unité perdue — MAL-FPU-1',
      'Incident critique — Clash at Pibor',
    ]);
    expect(spots[0]).toMatchObject({ lon: 31.5, lat: 6.2, zoom: UNIT_ZOOM });
    expect(spots[3]?.zoom).toBe(INCIDENT_ZOOM);
  });
  it('is empty on a quiet day', () => {
    expect(findHotspots(mapOf(aUnit('a')), mapOf(anIncident('b')), byId())).toEqual([]);
  });
});

describe('newUrgentAlert', () => {
  const opened = 1_000_000;
  it('picks a critical alert raised since the wall opened that was not there before', () => {
    const before = byId(anAlert('old', { raisedAt: opened + 10 }));
    const after = byId(anAlert('old', { raisedAt: opened + 10 }), anAlert('new', { raisedAt: opened + 20 }));
    expect(newUrgentAlert(before, after, opened)?.id).toBe('new');
  });
  it('leaves alone alerts from before the wall opened, high ones, acknowledged and resolved ones', () => {
    const after = byId(
      anAlert('earlier', { raisedAt: opened - 1 }),
      anAlert('high', { raisedAt: opened + 1, severity: 3 }),
      anAlert('acked', { raisedAt: opened + 1, acknowledgedAt: opened + 2, acknowledgedBy: 'op' }),
      anAlert('resolved', { raisedAt: opened + 1, resolvedAt: opened + 2 }),
    );
    expect(newUrgentAlert(byId(), after, opened)).toBeNull();
  });
});
