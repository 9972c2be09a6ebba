import type { Accuracy, FieldOfficeId, PocStatus, SiteKind } from '../../shared/sites.js';
import type { Role } from '../../shared/auth.js';
import type { Activity, LinkStatus, UnitType } from '../../shared/units.js';
import { currentLang, type Lang } from '../i18n/lang.js';

/**
 * Words for the contract's codes, as a JOC officer would say them, in English and in French.
 * Each `…Label(code)` function answers in the current language (or the one given); a component
 * that calls them re-renders on a language change only if it reads the language itself
 * (`useLang()` or `useMessages(…)`), so pass `useLang()`'s value in when in doubt.
 */

type Words<Code extends string> = Record<Lang, Record<Code, string>>;

const UNIT_TYPE_WORDS: Words<UnitType> = {
  en: {
    'fpu-vehicle': 'FPU vehicle patrol',
    'ipo-foot': 'IPO foot patrol',
    'joint-patrol': 'Joint patrol',
    'static-post': 'Static post',
  },
  fr: {
    'fpu-vehicle': 'Patrouille motorisée FPU',
    'ipo-foot': 'Patrouille pédestre IPO',
    'joint-patrol': 'Patrouille conjointe',
    'static-post': 'Poste fixe',
  },
};

/** Shorter words for the legend and lists, where space is tight. */
const UNIT_TYPE_SHORT_WORDS: Words<UnitType> = {
  en: {
    'fpu-vehicle': 'FPU vehicle',
    'ipo-foot': 'IPO on foot',
    'joint-patrol': 'Joint patrol',
    'static-post': 'Static post',
  },
  fr: {
    'fpu-vehicle': 'Véhicule FPU',
    'ipo-foot': 'IPO à pied',
    'joint-patrol': 'Patrouille conjointe',
    'static-post': 'Poste fixe',
  },
};

const ACTIVITY_WORDS: Words<Activity> = {
  en: { 'on-patrol': 'On patrol', 'at-base': 'At base', responding: 'Responding', sos: 'SOS' },
  fr: { 'on-patrol': 'En patrouille', 'at-base': 'À la base', responding: 'En intervention', sos: 'SOS' },
};

const LINK_STATUS_WORDS: Words<LinkStatus> = {
  en: { live: 'Live', stale: 'Stale', lost: 'Lost', unknown: 'No fix yet' },
  fr: { live: 'En direct', stale: 'En retard', lost: 'Perdue', unknown: 'Sans position' },
};

const SITE_KIND_WORDS: Words<SiteKind> = {
  en: {
    headquarters: 'Mission headquarters',
    'field-office': 'Field office',
    'poc-site': 'POC site',
    'police-station': 'Police station',
    corridor: 'Migration corridor',
  },
  fr: {
    headquarters: 'Quartier général de la mission',
    'field-office': 'Bureau de terrain',
    'poc-site': 'Site PoC',
    'police-station': 'Poste de police',
    corridor: 'Couloir de transhumance',
  },
};

const POC_STATUS_SHORT_WORDS: Words<PocStatus> = {
  en: { 'poc-site': 'POC site', 'idp-camp': 'IDP camp', 'handed-over': 'Handed over' },
  fr: { 'poc-site': 'Site PoC', 'idp-camp': 'Camp de PDI', 'handed-over': 'Remis' },
};

const POC_STATUS_WORDS: Words<PocStatus> = {
  en: {
    'poc-site': 'Protection of Civilians site',
    'idp-camp': 'IDP camp (redesignated)',
    'handed-over': 'Handed over',
  },
  fr: {
    'poc-site': 'Site de protection des civils (site PoC)',
    'idp-camp': 'Camp de PDI (requalifié)',
    'handed-over': 'Remis aux autorités',
  },
};

/** What each accuracy class promises, from the mission pack README. */
const ACCURACY_WORDS: Words<Accuracy> = {
  en: {
    surveyed: 'Surveyed (tens of metres)',
    town: 'Town (about 1 km)',
    approximate: 'Approximate (a few km)',
    indicative: 'Indicative (schematic only)',
  },
  fr: {
    surveyed: 'Relevée (quelques dizaines de mètres)',
    town: 'Localité (environ 1 km)',
    approximate: 'Approximative (quelques km)',
    indicative: 'Indicative (schématique)',
  },
};

const ROLE_WORDS: Words<Role> = {
  en: {
    admin: 'Administrator',
    commander: 'Commander',
    operator: 'Operator',
    viewer: 'Viewer (read-only)',
    device: 'Tracker device',
  },
  fr: {
    admin: 'Administrateur',
    commander: 'Commandant',
    operator: 'Opérateur',
    viewer: 'Observateur (lecture seule)',
    device: 'Balise de suivi',
  },
};

export const unitTypeLabel = (type: UnitType, lang: Lang = currentLang()): string => UNIT_TYPE_WORDS[lang][type];
export const unitTypeShort = (type: UnitType, lang: Lang = currentLang()): string => UNIT_TYPE_SHORT_WORDS[lang][type];
export const activityLabel = (activity: Activity, lang: Lang = currentLang()): string => ACTIVITY_WORDS[lang][activity];
export const linkStatusLabel = (status: LinkStatus, lang: Lang = currentLang()): string => LINK_STATUS_WORDS[lang][status];
export const siteKindLabel = (kind: SiteKind, lang: Lang = currentLang()): string => SITE_KIND_WORDS[lang][kind];
export const pocStatusShort = (status: PocStatus, lang: Lang = currentLang()): string => POC_STATUS_SHORT_WORDS[lang][status];
export const pocStatusLabel = (status: PocStatus, lang: Lang = currentLang()): string => POC_STATUS_WORDS[lang][status];
export const accuracyLabel = (accuracy: Accuracy, lang: Lang = currentLang()): string => ACCURACY_WORDS[lang][accuracy];
export const roleLabel = (role: Role, lang: Lang = currentLang()): string => ROLE_WORDS[lang][role];

export function fieldOfficeName(id: FieldOfficeId): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

const MONTH_ABBR: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/** A month (1–12) abbreviated, "Sep" / "sept.". */
export function monthAbbr(month: number, lang: Lang = currentLang()): string {
  return MONTH_ABBR[lang][month - 1] ?? '?';
}

/**
 * A season as a month range with an en dash; it may wrap the year end.
 * @example formatSeason({ from: 12, to: 5 }) === 'Dec–May'
 */
export function formatSeason(season: { from: number; to: number }, lang: Lang = currentLang()): string {
  if (season.from === season.to) return monthAbbr(season.from, lang);
  return `${monthAbbr(season.from, lang)}–${monthAbbr(season.to, lang)}`;
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
export function formatPartialDate(date: string, lang: Lang = currentLang()): string {
  const [year, month, day] = date.split('-');
  if (!year) return date;
  if (!month) return year;
  const m = monthAbbr(Number(month), lang);
  if (!day) return `${m} ${year}`;
  return `${Number(day)} ${m} ${year}`;
}
