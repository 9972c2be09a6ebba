import { CATEGORY_NAME_EN, type IncidentCategory, type IncidentStatus } from '../../shared/incidents.js';
import { currentLang, type Lang } from '../i18n/lang.js';

type Words<Code extends string | number> = Record<Lang, Record<Code, string>>;

/** What the JOC calls each category, in the legend, the form and the details panel. */
const CATEGORY_WORDS: Words<IncidentCategory> = {
  en: CATEGORY_NAME_EN,
  fr: {
    'threat-to-civilians': 'Menace contre des civils / attaque armée',
    'intercommunal-clash': 'Affrontement intercommunautaire',
    'cattle-raiding': 'Raid de bétail',
    sgbv: 'VSBG',
    'human-rights-violation': 'Violation des droits de l’homme',
    'public-order': 'Ordre public / manifestation',
    crime: 'Criminalité',
    'threat-to-un': 'Menace contre le personnel / les locaux de l’ONU',
    'humanitarian-access-denial': 'Refus d’accès humanitaire',
    'election-related': 'Lié aux élections',
    'organised-crime': 'Criminalité organisée / contrebande',
    'poc-site-security': 'Sécurité du site PoC',
    'accident-medical': 'Accident / urgence médicale',
    other: 'Autre',
  },
};

const SEVERITY_WORDS: Words<number> = {
  en: { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Critical' },
  fr: { 1: 'Faible', 2: 'Moyenne', 3: 'Élevée', 4: 'Critique' },
};

const STATUS_WORDS: Words<IncidentStatus> = {
  en: {
    reported: 'Reported',
    verified: 'Verified',
    responding: 'Responding',
    resolved: 'Resolved',
    closed: 'Closed',
    'false-report': 'False report',
  },
  fr: {
    reported: 'Signalé',
    verified: 'Vérifié',
    responding: 'En intervention',
    resolved: 'Résolu',
    closed: 'Clos',
    'false-report': 'Faux signalement',
  },
};

/** An incident category's name in the current language (or the one given). */
export const categoryLabel = (category: IncidentCategory, lang: Lang = currentLang()): string => CATEGORY_WORDS[lang][category];
/** A severity (1–4) in words: Low … Critical / Faible … Critique. */
export const severityLabel = (severity: number, lang: Lang = currentLang()): string =>
  SEVERITY_WORDS[lang][severity] ?? (lang === 'fr' ? 'inconnue' : 'unknown');
/** An incident status in words. */
export const incidentStatusLabel = (status: IncidentStatus, lang: Lang = currentLang()): string => STATUS_WORDS[lang][status];

/**
 * @deprecated English only: use categoryLabel(). Kept while tests/integration/export.test.ts
 * compares the server's export labels with it.
 */
export const CATEGORY_LABEL: Record<IncidentCategory, string> = CATEGORY_WORDS.en;

/**
 * Two letters drawn inside the marker: the category's "icon", readable without colour vision
 * and the same in the legend.
 */
export const CATEGORY_CODE: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'TC',
  'intercommunal-clash': 'IC',
  'cattle-raiding': 'CR',
  sgbv: 'SG',
  'human-rights-violation': 'HR',
  'public-order': 'PO',
  crime: 'CM',
  'threat-to-un': 'UN',
  'humanitarian-access-denial': 'HA',
  'election-related': 'EL',
  'organised-crime': 'OC',
  'poc-site-security': 'PS',
  'accident-medical': '+',
  other: '?',
};

/**
 * One colour per category, for a dark map: the violent ones warm (red, orange, magenta), the
 * rest spread round the wheel; unit colours (blue, teal, lilac, white) are avoided where possible.
 */
export const CATEGORY_COLOUR: Record<IncidentCategory, string> = {
  'threat-to-civilians': '#ff3b30',
  'intercommunal-clash': '#ff7a1a',
  'cattle-raiding': '#c8a165',
  sgbv: '#ff4fa3',
  'human-rights-violation': '#b86bff',
  'public-order': '#ffd60a',
  crime: '#f2a0a0',
  'threat-to-un': '#e01e5a',
  'humanitarian-access-denial': '#4cd964',
  'election-related': '#5ac8fa',
  'organised-crime': '#a0785a',
  'poc-site-security': '#ffb020',
  'accident-medical': '#f5f5f5',
  other: '#9aa5b4',
};

/** Finished with: drawn dimmed, so open incidents stand out. */
export const DONE_STATUSES: ReadonlySet<IncidentStatus> = new Set(['resolved', 'closed', 'false-report']);

/** A severity as number and word, "3 — High". */
export const severityText = (severity: number, lang: Lang = currentLang()): string => `${severity} — ${severityLabel(severity, lang)}`;
