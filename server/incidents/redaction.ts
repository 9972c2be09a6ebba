import {
  COARSE_GRID_DEG,
  type IncidentEvent,
  type IncidentRecord,
  type IncidentSummary,
} from '../../shared/incidents.js';

/** The centre of the grid cell a coordinate falls in: the same answer however often it is asked. */
export function coarsen(value: number, gridDeg: number = COARSE_GRID_DEG): number {
  const cell = Math.floor(value / gridDeg);
  return Math.round((cell + 0.5) * gridDeg * 1e6) / 1e6;
}

/** What a list or a live update shows: no people, and for need-to-know cases a coarse location. */
export function summarise(record: IncidentRecord, needToKnow: boolean): IncidentSummary {
  const { victims: _victims, witnesses: _witnesses, ...summary } = record;
  if (!record.sensitive || needToKnow) return summary;
  return {
    ...summary,
    location: { lat: coarsen(record.location.lat), lon: coarsen(record.location.lon) },
    locationCoarsened: true,
    nearestSite: record.nearestSite && { ...record.nearestSite, distanceKm: null },
  };
}

const PEOPLE_FIELDS = new Set(['victims', 'witnesses']);
export const WITHHELD = '[need-to-know]';

/**
 * A timeline entry as it is shown. The names of victims and witnesses never appear in the
 * timeline, for anyone: the full record, whose reads are audited, is the one place for them.
 */
export function redactEvent(event: IncidentEvent, sensitive: boolean, needToKnow: boolean): IncidentEvent {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.changes)) {
    // Not even the field's name: a timeline only says that the people on record changed.
    if (PEOPLE_FIELDS.has(key)) changes.peopleOnRecord = WITHHELD;
    else if (key === 'location' && sensitive && !needToKnow) changes[key] = WITHHELD;
    else changes[key] = value;
  }
  return { ...event, changes };
}
