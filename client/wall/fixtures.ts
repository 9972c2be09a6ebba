import type { IncidentSummary } from '../../shared/incidents.js';
import type { Unit } from '../../shared/units.js';

/** A patrol for tests: live at Malakal unless told otherwise. */
export function aUnit(id: string, patch: Partial<Unit> = {}): Unit {
  return {
    id,
    callsign: id.toUpperCase(),
    type: 'fpu-vehicle',
    fieldOffice: 'malakal',
    activity: 'on-patrol',
    status: 'live',
    last: { time: 1_000_000, lat: 9.53, lon: 31.65 },
    ...patch,
  };
}

/** An incident for tests: a cattle raid near Bor, reported and open. */
export function anIncident(id: string, patch: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id,
    category: 'cattle-raiding',
    severity: 2,
    title: `Incident ${id}`,
    description: '',
    location: { lat: 6.2, lon: 31.56 },
    locationCoarsened: false,
    sensitive: false,
    protected: false,
    status: 'reported',
    occurredAt: 1_000_000,
    reportedAt: 1_000_000,
    reportedBy: 'operator1',
    updatedAt: 1_000_000,
    fieldOffice: 'bor',
    nearestSite: null,
    assignments: [],
    ...patch,
  };
}

export const mapOf = <T extends { id: string }>(...items: T[]): ReadonlyMap<string, T> => new Map(items.map((i) => [i.id, i]));
