import { z } from 'zod';
import { IncidentCategory, IncidentStatus, OPEN_STATUSES, Severity, type IncidentSummary } from '../../../shared/incidents.js';
import { FieldOfficeId } from '../../../shared/sites.js';

/** "open" is reported, verified or responding: what still needs someone. */
export const IncidentStatusFilter = z.union([z.literal('open'), z.literal('all'), IncidentStatus]);
export type IncidentStatusFilter = z.infer<typeof IncidentStatusFilter>;

/** A field office, every office, or incidents with no field office nearby. */
export const OfficeFilter = z.union([z.literal('all'), z.literal('none'), FieldOfficeId]);
export type OfficeFilter = z.infer<typeof OfficeFilter>;

export const IncidentFilter = z.object({
  /** words that must all appear in the title, ignoring case */
  text: z.string().max(200),
  /** the categories shown; none ticked shows every category */
  categories: z.array(IncidentCategory).max(IncidentCategory.options.length),
  /** this severity or worse; 1 shows every severity */
  minSeverity: Severity,
  status: IncidentStatusFilter,
  office: OfficeFilter,
});
export type IncidentFilter = z.infer<typeof IncidentFilter>;

/** What the list shows first: every incident still open, whatever its kind or place. */
export const DEFAULT_INCIDENT_FILTER: IncidentFilter = { text: '', categories: [], minSeverity: 1, status: 'open', office: 'all' };

const OPEN: ReadonlySet<IncidentStatus> = new Set(OPEN_STATUSES);

export const isOpen = (status: IncidentStatus): boolean => OPEN.has(status);

function matchesStatus(status: IncidentStatus, filter: IncidentStatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return OPEN.has(status);
  return status === filter;
}

/** The search box split into words, lower case; empty when nothing is typed. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/** Every filter but the status one: the counts at the top of the list follow these. */
export function matchesAllButStatus(incident: IncidentSummary, filter: IncidentFilter, words: readonly string[] = searchWords(filter.text)): boolean {
  if (incident.severity < filter.minSeverity) return false;
  if (filter.categories.length > 0 && !filter.categories.includes(incident.category)) return false;
  if (filter.office === 'none' ? incident.fieldOffice !== null : filter.office !== 'all' && incident.fieldOffice !== filter.office) return false;
  if (words.length > 0) {
    const title = incident.title.toLowerCase();
    if (!words.every((w) => title.includes(w))) return false;
  }
  return true;
}

export function matchesIncidentFilter(incident: IncidentSummary, filter: IncidentFilter, words: readonly string[] = searchWords(filter.text)): boolean {
  return matchesStatus(incident.status, filter.status) && matchesAllButStatus(incident, filter, words);
}

/** Newest report first; by id among reports of the same millisecond, so rows never swap places. */
export function newestFirst(a: IncidentSummary, b: IncidentSummary): number {
  return b.reportedAt - a.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type IncidentStatusCounts = Record<IncidentStatus, number> & { open: number; all: number };

export function emptyCounts(): IncidentStatusCounts {
  return { reported: 0, verified: 0, responding: 0, resolved: 0, closed: 0, 'false-report': 0, open: 0, all: 0 };
}

export interface IncidentList {
  /** the incidents that pass every filter, newest first */
  rows: IncidentSummary[];
  /** how many of each status pass the other filters (category, severity, office, search) */
  counts: IncidentStatusCounts;
  /** every incident this screen may see, whatever the filters */
  total: number;
}

/** One pass over every incident: filtered, counted and sorted for the list. */
export function buildIncidentList(incidents: Iterable<IncidentSummary>, filter: IncidentFilter): IncidentList {
  const words = searchWords(filter.text);
  const counts = emptyCounts();
  const rows: IncidentSummary[] = [];
  let total = 0;
  for (const incident of incidents) {
    total += 1;
    if (!matchesAllButStatus(incident, filter, words)) continue;
    counts[incident.status] += 1;
    counts.all += 1;
    if (OPEN.has(incident.status)) counts.open += 1;
    if (matchesStatus(incident.status, filter.status)) rows.push(incident);
  }
  rows.sort(newestFirst);
  return { rows, counts, total };
}

/** Whether the filter narrows anything beyond the default "every open incident". */
export function isDefaultFilter(filter: IncidentFilter): boolean {
  return (
    filter.text.trim() === '' &&
    filter.categories.length === 0 &&
    filter.minSeverity === DEFAULT_INCIDENT_FILTER.minSeverity &&
    filter.status === DEFAULT_INCIDENT_FILTER.status &&
    filter.office === DEFAULT_INCIDENT_FILTER.office
  );
}

/** The open incidents and the worst severity among them, for the header button's badge. */
export function openSummary(incidents: Iterable<IncidentSummary>): { count: number; worst: number } {
  let count = 0;
  let worst = 0;
  for (const incident of incidents) {
    if (!OPEN.has(incident.status)) continue;
    count += 1;
    if (incident.severity > worst) worst = incident.severity;
  }
  return { count, worst };
}
