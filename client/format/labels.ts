import type { Accuracy, FieldOfficeId, PocStatus, SiteKind } from '../../shared/sites.js';
import type { Role } from '../../shared/auth.js';
import type { Activity, LinkStatus, UnitType } from '../../shared/units.js';

/** Words for the contract's codes, as a JOC officer would say them. */

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  'fpu-vehicle': 'FPU vehicle patrol',
  'ipo-foot': 'IPO foot patrol',
  'joint-patrol': 'Joint patrol',
  'static-post': 'Static post',
};

/** Shorter words for the legend, where space is tight. */
export const UNIT_TYPE_SHORT: Record<UnitType, string> = {
  'fpu-vehicle': 'FPU vehicle',
  'ipo-foot': 'IPO on foot',
  'joint-patrol': 'Joint patrol',
  'static-post': 'Static post',
};

export const ACTIVITY_LABEL: Record<Activity, string> = {
  'on-patrol': 'On patrol',
  'at-base': 'At base',
  responding: 'Responding',
  sos: 'SOS',
};

export const STATUS_LABEL: Record<LinkStatus, string> = {
  live: 'Live',
  stale: 'Stale',
  lost: 'Lost',
  unknown: 'No fix yet',
};

export const SITE_KIND_LABEL: Record<SiteKind, string> = {
  headquarters: 'Mission headquarters',
  'field-office': 'Field office',
  'poc-site': 'POC site',
  'police-station': 'Police station',
  corridor: 'Migration corridor',
};

export const POC_STATUS_SHORT: Record<PocStatus, string> = {
  'poc-site': 'POC site',
  'idp-camp': 'IDP camp',
  'handed-over': 'Handed over',
};

export const POC_STATUS_LABEL: Record<PocStatus, string> = {
  'poc-site': 'Protection of Civilians site',
  'idp-camp': 'IDP camp (redesignated)',
  'handed-over': 'Handed over',
};

/** What each accuracy class promises, from the mission pack README. */
export const ACCURACY_LABEL: Record<Accuracy, string> = {
  surveyed: 'Surveyed (tens of metres)',
  town: 'Town (about 1 km)',
  approximate: 'Approximate (a few km)',
  indicative: 'Indicative (schematic only)',
};

export function fieldOfficeName(id: FieldOfficeId): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function monthAbbr(month: number): string {
  return MONTH_ABBR[month - 1] ?? '?';
}

/**
 * A season as a month range with an en dash; it may wrap the year end.
 * @example formatSeason({ from: 12, to: 5 }) === 'Dec–May'
 */
export function formatSeason(season: { from: number; to: number }): string {
  if (season.from === season.to) return monthAbbr(season.from);
  return `${monthAbbr(season.from)}–${monthAbbr(season.to)}`;
}

/** Whether a month (1–12) falls inside a season that may wrap the year end. */
export function inSeason(season: { from: number; to: number }, month: number): boolean {
  if (season.from <= season.to) return month >= season.from && month <= season.to;
  return month >= season.from || month <= season.to;
}

/**
 * A date as precise as its source: "2014", "Sep 2020", "21 Sep 2020".
 * @example formatPartialDate('2020-09') === 'Sep 2020'
 */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!year) return date;
  if (!month) return year;
  const m = monthAbbr(Number(month));
  if (!day) return `${m} ${year}`;
  return `${Number(day)} ${m} ${year}`;
}

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  commander: 'Commander',
  operator: 'Operator',
  viewer: 'Viewer (read-only)',
  device: 'Tracker device',
};
