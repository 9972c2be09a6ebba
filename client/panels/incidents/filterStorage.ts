import { DEFAULT_INCIDENT_FILTER, IncidentFilter } from './incidentList.js';

const KEY_PREFIX = 'unpol-ops-map:incident-filter:';

/**
 * Where one person's incident filters are kept for this browser tab (sessionStorage): they
 * survive closing the list and reloading the page, and are not handed to whoever signs in next.
 */
export function filterKey(username: string): string {
  return `${KEY_PREFIX}${username}`;
}

/** The filters this person set earlier in the session, or the default (every open incident). */
export function loadIncidentFilter(storage: Pick<Storage, 'getItem'>, username: string): IncidentFilter {
  try {
    const raw = storage.getItem(filterKey(username));
    if (!raw) return DEFAULT_INCIDENT_FILTER;
    const parsed = IncidentFilter.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_INCIDENT_FILTER;
  } catch {
    return DEFAULT_INCIDENT_FILTER;
  }
}

export function saveIncidentFilter(storage: Pick<Storage, 'setItem'>, username: string, filter: IncidentFilter): void {
  try {
    storage.setItem(filterKey(username), JSON.stringify(filter));
  } catch {
    // private mode or a full quota: the filters just last as long as the list is open
  }
}
