import type { Alert } from '../../shared/alerts.js';
import { OPEN_STATUSES, type IncidentSummary } from '../../shared/incidents.js';
import type { Unit } from '../../shared/units.js';
import { bannerOrder, isNotice, isUnacknowledged } from '../alerts/pick.js';
import { ALERT_KIND_WORDS } from '../alerts/messages.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { wallMessages } from './messages.js';

/** Close enough to see a patrol among its neighbours. */
export const UNIT_ZOOM = 11;
/** An incident and the patrols around it; a coarsened one is a 2 km cell, still in view. */
export const INCIDENT_ZOOM = 10;

export type HotspotKind = 'sos' | 'alert' | 'incident';

/** A place the wall display takes a closer look at, in turn. */
export interface Hotspot {
  /** `unit:<id>` or `incident:<id>`: one place is visited once, whatever points at it */
  key: string;
  kind: HotspotKind;
  /** what the caption says, e.g. "SOS — BOR-FPU-2" */
  label: string;
  lon: number;
  lat: number;
  zoom: number;
}

/** The alert's kind in words, in the alerts area's own terms. */
const alertKindWords = (kind: Alert['kind'], lang: Lang): string => ALERT_KIND_WORDS[lang][kind];

const unitKey = (id: string) => `unit:${id}`;
const incidentKey = (id: string) => `incident:${id}`;

/** High and critical incidents that still need someone. */
const isHotIncident = (i: IncidentSummary): boolean => i.severity >= 3 && OPEN_STATUSES.includes(i.status);

/**
 * The hot spots, most urgent first: patrols calling SOS; then the places of alerts waiting for
 * acknowledgement, worst first; then open critical and high incidents, worst and newest first.
 * An incident opened for a patrol's alert (an SOS) is the patrol's place and is not listed twice.
 */
export function findHotspots(
  units: ReadonlyMap<string, Unit>,
  incidents: ReadonlyMap<string, IncidentSummary>,
  alerts: ReadonlyMap<string, Alert>,
  lang: Lang = currentLang(),
): Hotspot[] {
  const list: Hotspot[] = [];
  const seen = new Set<string>();
  const add = (spot: Hotspot) => {
    if (seen.has(spot.key)) return;
    seen.add(spot.key);
    list.push(spot);
  };

  const sos = [...units.values()].filter((u) => u.activity === 'sos' && u.last).sort((a, b) => (b.last?.time ?? 0) - (a.last?.time ?? 0));
  for (const unit of sos) {
    if (unit.last) add({ key: unitKey(unit.id), kind: 'sos', label: wallMessages[lang].sosOf(unit.callsign), lon: unit.last.lon, lat: unit.last.lat, zoom: UNIT_ZOOM });
  }

  const waiting = [...alerts.values()].filter((a) => isUnacknowledged(a) && !isNotice(a)).sort(bannerOrder);
  for (const alert of waiting) {
    const spot = alertHotspot(alert, units, incidents, lang);
    if (spot) add(spot);
    // The incident opened for a patrol's alert is where the patrol is.
    if (alert.incidentId !== null && alert.unitId !== null && units.get(alert.unitId)?.last) seen.add(incidentKey(alert.incidentId));
  }

  const hot = [...incidents.values()].filter(isHotIncident).sort((a, b) => b.severity - a.severity || b.reportedAt - a.reportedAt || a.id.localeCompare(b.id));
  for (const incident of hot) add(incidentHotspot(incident, lang));
  return list;
}

function incidentHotspot(incident: IncidentSummary, lang: Lang): Hotspot {
  return {
    key: incidentKey(incident.id),
    kind: 'incident',
    label: wallMessages[lang].incidentOf(incident.severity, incident.title),
    lon: incident.location.lon,
    lat: incident.location.lat,
    zoom: INCIDENT_ZOOM,
  };
}

/** Where an alert points: its patrol if that has a fix, else its incident; null if neither is known. */
export function alertHotspot(
  alert: Alert,
  units: ReadonlyMap<string, Unit>,
  incidents: ReadonlyMap<string, IncidentSummary>,
  lang: Lang = currentLang(),
): Hotspot | null {
  const unit = alert.unitId === null ? undefined : units.get(alert.unitId);
  if (unit?.last) {
    return {
      key: unitKey(unit.id),
      kind: alert.kind === 'sos' ? 'sos' : 'alert',
      label: alert.kind === 'sos' ? wallMessages[lang].sosOf(unit.callsign) : `${alertKindWords(alert.kind, lang)} — ${unit.callsign}`,
      lon: unit.last.lon,
      lat: unit.last.lat,
      zoom: UNIT_ZOOM,
    };
  }
  const incident = alert.incidentId === null ? undefined : incidents.get(alert.incidentId);
  if (incident) {
    return {
      key: incidentKey(incident.id),
      kind: 'alert',
      label: `${alertKindWords(alert.kind, lang)} — ${incident.title}`,
      lon: incident.location.lon,
      lat: incident.location.lat,
      zoom: INCIDENT_ZOOM,
    };
  }
  return null;
}

/** Alerts severe enough to take the wall's focus the moment they are raised. */
export const URGENT_SEVERITY = 4;

/**
 * The alert that should take the focus at once: the worst critical, unacknowledged, unresolved
 * alert in `next` that `previous` did not hold and that was raised at or after `notBefore`
 * (server time the wall opened). Alerts already waiting when the wall opened, or coming back in
 * the snapshot after a reconnection, take their turn in the cycle instead.
 */
export function newUrgentAlert(previous: ReadonlyMap<string, Alert>, next: ReadonlyMap<string, Alert>, notBefore: number): Alert | null {
  let worst: Alert | null = null;
  for (const alert of next.values()) {
    if (previous.has(alert.id) || alert.raisedAt < notBefore) continue;
    if (!isUnacknowledged(alert) || alert.resolvedAt !== null || alert.severity < URGENT_SEVERITY) continue;
    if (worst === null || bannerOrder(alert, worst) < 0) worst = alert;
  }
  return worst;
}
