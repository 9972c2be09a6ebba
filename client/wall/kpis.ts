import type { Alert } from '../../shared/alerts.js';
import { IncidentCategory, type IncidentSummary } from '../../shared/incidents.js';
import type { FieldOfficeId } from '../../shared/sites.js';
import type { Unit } from '../../shared/units.js';
import { alertTitle } from '../alerts/alertTitle.js';
import { isNotice, isUnacknowledged } from '../alerts/pick.js';
import { ALERT_KIND_WORDS } from '../alerts/messages.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { effectiveStatus, type StatusPolicy } from '../state/status.js';
import { categoryShortMessages } from './messages.js';

/** The key figures along the wall display, worked out from what the screen holds. */

export const DAY_MS = 24 * 3600 * 1000;

export interface OfficePatrols {
  office: FieldOfficeId;
  live: number;
  stale: number;
  lost: number;
  /** registered but never reported: not on the map, and not counted live, stale or lost */
  noFix: number;
  /** patrols calling SOS, whatever their link */
  sos: number;
}

/**
 * Patrols live, stale and lost in each field office that has patrols, offices in alphabetical order.
 * Status is the one the map shows: the server's word, made worse by the fix's age.
 * @example officePatrols([], now, null) // []
 */
export function officePatrols(units: Iterable<Unit>, serverNowMs: number, policy: StatusPolicy): OfficePatrols[] {
  const byOffice = new Map<FieldOfficeId, OfficePatrols>();
  for (const unit of units) {
    let row = byOffice.get(unit.fieldOffice);
    if (!row) {
      row = { office: unit.fieldOffice, live: 0, stale: 0, lost: 0, noFix: 0, sos: 0 };
      byOffice.set(unit.fieldOffice, row);
    }
    const status = effectiveStatus(unit, serverNowMs, policy);
    if (status === 'unknown') row.noFix += 1;
    else row[status] += 1;
    if (unit.activity === 'sos') row.sos += 1;
  }
  return [...byOffice.values()].sort((a, b) => a.office.localeCompare(b.office));
}

export interface CategoryCount {
  category: IncidentCategory;
  count: number;
}

export interface RecentIncidents {
  total: number;
  /** most first; at equal counts in the order the JOC lists the categories */
  byCategory: CategoryCount[];
}

const CATEGORY_ORDER = new Map(IncidentCategory.options.map((c, i) => [c, i]));

/**
 * Incidents that happened in the `windowMs` before `serverNowMs` (by when they occurred, on the
 * server's clock), by category. A report found to be false is not an incident and is left out.
 */
export function recentIncidents(incidents: Iterable<IncidentSummary>, serverNowMs: number, windowMs = DAY_MS): RecentIncidents {
  const counts = new Map<IncidentCategory, number>();
  let total = 0;
  for (const incident of incidents) {
    if (incident.status === 'false-report' || incident.occurredAt < serverNowMs - windowMs) continue;
    total += 1;
    counts.set(incident.category, (counts.get(incident.category) ?? 0) + 1);
  }
  const byCategory = [...counts].map(([category, count]) => ({ category, count }));
  byCategory.sort((a, b) => b.count - a.count || (CATEGORY_ORDER.get(a.category) ?? 0) - (CATEGORY_ORDER.get(b.category) ?? 0));
  return { total, byCategory };
}

/**
 * The first `limit` rows as they are when they all fit; otherwise `limit - 1` of them and how
 * many incidents the rest hold, so the list keeps its height on the wall.
 * @example topCategories([{ category: 'crime', count: 2 }], 4) // { shown: [...], rest: 0, restCategories: 0 }
 */
export function topCategories(rows: readonly CategoryCount[], limit: number): { shown: CategoryCount[]; rest: number; restCategories: number } {
  if (rows.length <= limit) return { shown: [...rows], rest: 0, restCategories: 0 };
  const keep = Math.max(0, limit - 1);
  const others = rows.slice(keep);
  return { shown: rows.slice(0, keep), rest: others.reduce((n, r) => n + r.count, 0), restCategories: others.length };
}

/**
 * Alerts that wait for a desk to acknowledge them, as the banner counts them: notices (a patrol
 * entering or leaving a POC site) are kept for the record and not counted.
 */
export function openAlerts(alerts: ReadonlyMap<string, Alert>): Alert[] {
  return [...alerts.values()].filter((a) => isUnacknowledged(a) && !isNotice(a));
}

/** The open alert that has waited longest; null when none waits. */
export function oldestUnacknowledged(alerts: ReadonlyMap<string, Alert>): Alert | null {
  let oldest: Alert | null = null;
  for (const alert of openAlerts(alerts)) {
    if (oldest === null || alert.raisedAt < oldest.raisedAt || (alert.raisedAt === oldest.raisedAt && alert.id < oldest.id)) oldest = alert;
  }
  return oldest;
}

/**
 * What an alert is about in a few words: its kind and the patrol's callsign ("SOS BOR-FPU-2"),
 * or its title in the screen's language when no patrol is named.
 */
export function alertSubject(alert: Alert, units: ReadonlyMap<string, Unit>, lang: Lang = currentLang()): string {
  const unit = alert.unitId === null ? undefined : units.get(alert.unitId);
  if (unit) return `${ALERT_KIND_WORDS[lang][alert.kind]} ${unit.callsign}`;
  return alertTitle(alert, lang);
}

/**
 * How long something has waited, short enough for a figure on the wall.
 * @example waitedFor(now - 7 * 60_000, now) === '7 min'
 */
export function waitedFor(sinceMs: number, nowMs: number, lang: Lang = currentLang()): string {
  // Days are "j" (jours) in French; the other units are the same in both languages.
  const day = lang === 'fr' ? 'j' : 'd';
  const s = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} ${day}` : `${d} ${day} ${h % 24} h`;
}

/** A category's name short enough for one line of the wall's figures, in the current language. */
export function categoryShort(category: IncidentCategory, lang: Lang = currentLang()): string {
  return categoryShortMessages[lang][category];
}
