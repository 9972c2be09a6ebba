import { INCIDENT_IN_ALERT_EN, type Alert, type AlertWords } from '../../shared/alerts.js';
import type { IncidentCategory } from '../../shared/incidents.js';
import { jubaHoursMinutes } from '../format/time.js';
import { currentLang, LOCALE, type Lang } from '../i18n/lang.js';
import { defineMessages } from '../i18n/messages.js';

/** How a title names an incident of each category in French ("Raid de bétail sur le couloir …"). */
const INCIDENT_IN_ALERT_FR: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'Menace contre des civils',
  'intercommunal-clash': 'Affrontement intercommunautaire',
  'cattle-raiding': 'Raid de bétail',
  sgbv: 'Incident de VSBG',
  'human-rights-violation': 'Violation des droits de l’homme',
  'public-order': 'Incident d’ordre public',
  crime: 'Infraction pénale',
  'threat-to-un': 'Menace contre le personnel ou les locaux de l’ONU',
  'humanitarian-access-denial': 'Accès humanitaire refusé',
  'election-related': 'Incident lié aux élections',
  'organised-crime': 'Criminalité organisée',
  'poc-site-security': 'Incident de sécurité au site PoC',
  'accident-medical': 'Accident ou urgence médicale',
  other: 'Incident',
};

/** A wait as the titles give it: "45 min", "2 h 5 min" (the same in both languages). */
const waited = (minutes: number): string => (minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

/**
 * Alert titles, one per kind. The English ones read exactly as the server's `title`, so a screen
 * in English shows what exports and the audit show. Times are Juba wall-clock time.
 */
export const alertTitleMessages = defineMessages({
  en: {
    sos: (callsign: string) => `SOS from ${callsign}`,
    unitStale: (callsign: string) => `${callsign} stale: reports have stopped`,
    unitLost: (callsign: string) => `${callsign} lost: no report`,
    category: (category: IncidentCategory) => INCIDENT_IN_ALERT_EN[category],
    inside: (what: string, site: string) => `${what} inside ${site}`,
    kmFrom: (what: string, km: string, site: string) => `${what} ${km} km from ${site}`,
    withinKmOf: (what: string, km: string, site: string) => `${what} within ${km} km of ${site}`,
    incidentInCorridor: (what: string, corridor: string) => `${what} on the ${corridor} migration corridor, in season`,
    patrolInCorridor: (callsign: string, corridor: string) => `${callsign} on the ${corridor} corridor, in season`,
    entered: (callsign: string, zone: string) => `${callsign} entered ${zone}`,
    left: (callsign: string, zone: string) => `${callsign} left ${zone}`,
    unverified: (minutes: number, title: string) => `Not verified after ${waited(minutes)}: ${title}`,
    unassigned: (minutes: number, title: string) => `No patrol sent after ${waited(minutes)}: ${title}`,
    checkpointMissed: (callsign: string, names: readonly string[], time: string, byEnd: boolean) => {
      const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
      const when = byEnd ? `patrol ended ${time} Juba` : `due ${names.length > 1 ? 'by ' : ''}${time} Juba`;
      return `${callsign} missed ${names.length === 1 ? 'checkpoint' : 'checkpoints'} ${list} (${when})`;
    },
    overdue: (callsign: string, returnTo: string, time: string) => `${callsign} overdue: not back at ${returnTo} by ${time} Juba`,
  },
  fr: {
    sos: (callsign) => `SOS de ${callsign}`,
    unitStale: (callsign) => `${callsign} : positions interrompues`,
    unitLost: (callsign) => `${callsign} : liaison perdue, aucune position`,
    category: (category) => INCIDENT_IN_ALERT_FR[category],
    inside: (what, site) => `${what} à l’intérieur de ${site}`,
    kmFrom: (what, km, site) => `${what} à ${km} km de ${site}`,
    withinKmOf: (what, km, site) => `${what} à moins de ${km} km de ${site}`,
    incidentInCorridor: (what, corridor) => `${what} sur le couloir de transhumance ${corridor}, en saison`,
    patrolInCorridor: (callsign, corridor) => `${callsign} sur le couloir de transhumance ${corridor}, en saison`,
    entered: (callsign, zone) => `${callsign} : entrée dans ${zone}`,
    left: (callsign, zone) => `${callsign} : sortie de ${zone}`,
    unverified: (minutes, title) => `Non vérifié après ${waited(minutes)} : ${title}`,
    unassigned: (minutes, title) => `Aucune patrouille envoyée après ${waited(minutes)} : ${title}`,
    checkpointMissed: (callsign, names, time, byEnd) => {
      const several = names.length > 1;
      const list = several ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1] ?? ''}` : names.join('');
      const when = byEnd ? `fin de patrouille à ${time}, heure de Juba` : `${several ? 'attendus au plus tard' : 'attendu'} à ${time}, heure de Juba`;
      return `${callsign} : ${several ? 'points de contrôle manqués' : 'point de contrôle manqué'} ${list} (${when})`;
    },
    overdue: (callsign, returnTo, time) => `${callsign} en retard : pas de retour à ${returnTo} à ${time} (heure de Juba)`,
  },
});

/** A distance as the titles give it: a tenth of a kilometre when measured ("3.0", "3,0"), as is otherwise ("5"). */
function kmText(km: number, lang: Lang, tenths: boolean): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: tenths ? 1 : 0,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(km);
}

function worded(words: AlertWords, lang: Lang): string {
  const t = alertTitleMessages[lang];
  switch (words.kind) {
    case 'sos':
      return t.sos(words.callsign);
    case 'unit-stale':
      return t.unitStale(words.callsign);
    case 'unit-lost':
      return t.unitLost(words.callsign);
    case 'incident-near-site': {
      const what = t.category(words.category);
      if (words.place === 'inside') return t.inside(what, words.site);
      if (words.place === 'at') return t.kmFrom(what, kmText(words.km, lang, true), words.site);
      return t.withinKmOf(what, kmText(words.km, lang, false), words.site);
    }
    case 'incident-in-corridor':
      return t.incidentInCorridor(t.category(words.category), words.corridor);
    case 'patrol-in-corridor':
      return t.patrolInCorridor(words.callsign, words.corridor);
    case 'patrol-entered-zone':
      return t.entered(words.callsign, words.zone);
    case 'patrol-left-zone':
      return t.left(words.callsign, words.zone);
    case 'incident-unverified':
      return t.unverified(words.waitedMin, words.incidentTitle);
    case 'incident-unassigned':
      return t.unassigned(words.waitedMin, words.incidentTitle);
    case 'checkpoint-missed':
      return t.checkpointMissed(words.callsign, words.checkpoints, jubaHoursMinutes(words.dueAt), words.byEnd);
    case 'patrol-overdue':
      return t.overdue(words.callsign, words.returnTo, jubaHoursMinutes(words.dueAt));
  }
}

/**
 * An alert's title in the current language (or the one given), worded from the facts the server
 * kept; an alert without them (raised before they were kept) shows its English title as sent.
 */
export function alertTitle(alert: Pick<Alert, 'kind' | 'title' | 'words'>, lang: Lang = currentLang()): string {
  if (alert.words === null || alert.words.kind !== alert.kind) return alert.title;
  return worded(alert.words, lang);
}
