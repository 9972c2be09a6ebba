import { z } from 'zod';
import { IncidentCategory, Severity } from './incidents.js';

/** What raised an alert. Early-warning rules add their own kinds. */
export const AlertKind = z.enum([
  'sos',
  'unit-stale',
  'unit-lost',
  'incident-near-site',
  'incident-in-corridor',
  'patrol-entered-zone',
  'patrol-left-zone',
  'patrol-in-corridor',
  'incident-unverified',
  'incident-unassigned',
  'checkpoint-missed',
  'patrol-overdue',
]);
export type AlertKind = z.infer<typeof AlertKind>;

/** How an alert's English title names an incident of each category ("Cattle raiding on the …"). */
export const INCIDENT_IN_ALERT_EN: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'Threat to civilians',
  'intercommunal-clash': 'Intercommunal clash',
  'cattle-raiding': 'Cattle raiding',
  sgbv: 'SGBV incident',
  'human-rights-violation': 'Human-rights violation',
  'public-order': 'Public-order incident',
  crime: 'Crime',
  'threat-to-un': 'Threat to UN personnel or premises',
  'humanitarian-access-denial': 'Humanitarian access denied',
  'election-related': 'Election-related incident',
  'organised-crime': 'Organised crime',
  'poc-site-security': 'POC-site security incident',
  'accident-medical': 'Accident or medical emergency',
  other: 'Incident',
};

const Name = z.string().min(1).max(200);
const Time = z.number().int();

/**
 * The facts an alert's title is made of, so that each screen can word it in its own language
 * (the English `title` stays for exports, the audit and older screens). One shape per kind;
 * `kind` repeats the alert's. Nothing here says more than the English title does: the distance
 * of a need-to-know incident is the rule's threshold, not the measured one.
 */
export const AlertWords = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sos'), callsign: Name }),
  z.object({ kind: z.literal('unit-stale'), callsign: Name }),
  z.object({ kind: z.literal('unit-lost'), callsign: Name }),
  z.object({
    kind: z.literal('incident-near-site'),
    category: IncidentCategory,
    site: Name,
    /** inside the site; `at` km from it (to 0.1 km); or `within` km of it (need-to-know: the threshold only) */
    place: z.enum(['inside', 'at', 'within']),
    km: z.number().min(0).max(1000),
  }),
  z.object({ kind: z.literal('incident-in-corridor'), category: IncidentCategory, corridor: Name }),
  z.object({ kind: z.literal('patrol-in-corridor'), callsign: Name, corridor: Name }),
  z.object({ kind: z.literal('patrol-entered-zone'), callsign: Name, zone: Name }),
  z.object({ kind: z.literal('patrol-left-zone'), callsign: Name, zone: Name }),
  /** `waitedMin`: whole minutes since the report when the alert was raised */
  z.object({ kind: z.literal('incident-unverified'), waitedMin: z.number().int().min(0), incidentTitle: z.string().max(500) }),
  z.object({ kind: z.literal('incident-unassigned'), waitedMin: z.number().int().min(0), incidentTitle: z.string().max(500) }),
  z.object({
    kind: z.literal('checkpoint-missed'),
    callsign: Name,
    checkpoints: z.array(Name).min(1).max(100),
    /** the deadline missed, epoch ms: the latest checkpoint's due time, or the patrol's end (`byEnd`) */
    dueAt: Time,
    byEnd: z.boolean(),
  }),
  z.object({ kind: z.literal('patrol-overdue'), callsign: Name, returnTo: Name, dueAt: Time }),
]);
export type AlertWords = z.infer<typeof AlertWords>;
/** The words of one kind of alert. */
export type AlertWordsOf<K extends AlertKind> = Extract<AlertWords, { kind: K }>;

/**
 * One alert in the shared queue: every screen sees the same ones; a desk acknowledges it, and
 * who did and when is shown everywhere. An alert whose cause has gone (the lost unit reported,
 * the SOS was cancelled) is resolved, and stays in the queue until acknowledged.
 */
export const Alert = z.object({
  id: z.string(),
  kind: AlertKind,
  severity: Severity,
  title: z.string(),
  unitId: z.string().nullable(),
  incidentId: z.string().nullable(),
  raisedAt: z.number().int(),
  acknowledgedAt: z.number().int().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.number().int().nullable(),
  /** set when the alert went unacknowledged past its deadline: every screen sounds it again */
  escalatedAt: z.number().int().nullable(),
  /**
   * The title's facts for wording it in the screen's language; null for alerts raised before
   * they were kept. Words that are missing or unreadable are null, never a lost alert.
   */
  words: AlertWords.nullable().catch(null),
});
export type Alert = z.infer<typeof Alert>;

export const AlertsSnapshot = z.object({ time: z.number().int(), alerts: z.array(Alert) });
export type AlertsSnapshot = z.infer<typeof AlertsSnapshot>;
