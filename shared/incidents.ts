import { z } from 'zod';
import { FieldOfficeId, outsideMissionArea } from './sites.js';

/** The incident categories the JOC works with (DOMAIN.md); missions may extend the list. */
export const IncidentCategory = z.enum([
  'threat-to-civilians',
  'intercommunal-clash',
  'cattle-raiding',
  'sgbv',
  'human-rights-violation',
  'public-order',
  'crime',
  'threat-to-un',
  'humanitarian-access-denial',
  'election-related',
  'organised-crime',
  'poc-site-security',
  'accident-medical',
  'other',
]);
export type IncidentCategory = z.infer<typeof IncidentCategory>;

/**
 * What the JOC calls each category in English: the legend, the forms, and every export (which
 * stays in English whatever the screen's language, as the mission's records are kept).
 */
export const CATEGORY_NAME_EN: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'Threat to civilians / armed attack',
  'intercommunal-clash': 'Intercommunal clash',
  'cattle-raiding': 'Cattle raiding',
  sgbv: 'SGBV',
  'human-rights-violation': 'Human-rights violation',
  'public-order': 'Public order / demonstration',
  crime: 'Crime',
  'threat-to-un': 'Threat to UN personnel / premises',
  'humanitarian-access-denial': 'Humanitarian access denial',
  'election-related': 'Election-related',
  'organised-crime': 'Organised crime / smuggling',
  'poc-site-security': 'POC-site security',
  'accident-medical': 'Accident / medical',
  other: 'Other',
};

/** 1 low … 4 critical. */
export const Severity = z.number().int().min(1).max(4);
export type Severity = z.infer<typeof Severity>;

/** reported → verified → responding → resolved → closed; false-report ends it early. */
export const IncidentStatus = z.enum(['reported', 'verified', 'responding', 'resolved', 'closed', 'false-report']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const NEXT_STATUS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['verified', 'responding', 'false-report'],
  verified: ['responding', 'resolved', 'false-report'],
  responding: ['resolved'],
  resolved: ['closed', 'responding'],
  closed: [],
  'false-report': [],
};

/**
 * The statuses an incident may move to from where it is: reported → verified → responding →
 * resolved → closed, with "false report" as an end until a response starts; a resolved incident
 * can flare up again. The server refuses any other move.
 * @example nextStatuses('reported') // ['verified', 'responding', 'false-report']
 */
export function nextStatuses(status: IncidentStatus): readonly IncidentStatus[] {
  return NEXT_STATUS[status];
}

/** Incidents still needing someone: not resolved, closed or dismissed. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['reported', 'verified', 'responding'];

/** Categories that are always need-to-know; other cases become so when marked protected. */
export const SENSITIVE_CATEGORIES: ReadonlySet<IncidentCategory> = new Set(['sgbv']);

export const isSensitive = (i: { category: IncidentCategory; protected: boolean }): boolean =>
  i.protected || SENSITIVE_CATEGORIES.has(i.category);

/** A victim or witness. Never sent to anyone without the need-to-know permission. */
export const Person = z.object({
  name: z.string().trim().min(1).max(120),
  sex: z.enum(['female', 'male', 'unknown']).default('unknown'),
  age: z.number().int().min(0).max(120).optional(),
  contact: z.string().max(200).optional(),
  statement: z.string().max(4000).optional(),
});
export type Person = z.infer<typeof Person>;

/** How far a coarsened location may be from the true one: a cell of the 0.02° grid. */
export const COARSE_GRID_DEG = 0.02;

export const IncidentLocation = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** A location someone reports or moves an incident to: inside the mission area. */
const ReportedLocation = IncidentLocation.superRefine((l, ctx) => {
  const outside = outsideMissionArea(l.lat, l.lon);
  if (outside) ctx.addIssue({ code: 'custom', path: ['lat'], message: outside });
});

/** What a reporter files; the server adds id, times, status and the nearest sites. */
export const IncidentReport = z.object({
  category: IncidentCategory,
  severity: Severity,
  title: z.string().trim().min(3).max(120),
  description: z.string().max(4000).default(''),
  location: ReportedLocation,
  /** when it happened, epoch ms; defaults to when it was reported */
  occurredAt: z.number().int().min(946_684_800_000, 'epoch milliseconds after 2000-01-01').max(8_640_000_000_000_000, 'a date screens can show').optional(),
  /** a human-rights case under protection: need-to-know like SGBV */
  protected: z.boolean().default(false),
  victims: z.array(Person).max(100).default([]),
  witnesses: z.array(Person).max(100).default([]),
});
export type IncidentReportInput = z.input<typeof IncidentReport>;
export type IncidentReport = z.output<typeof IncidentReport>;

export const IncidentChange = z
  .object({
    status: IncidentStatus,
    severity: Severity,
    title: z.string().trim().min(3).max(120),
    description: z.string().max(4000),
    category: IncidentCategory,
    location: ReportedLocation,
    protected: z.boolean(),
    victims: z.array(Person).max(100),
    witnesses: z.array(Person).max(100),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'name at least one field to change');
export type IncidentChange = z.infer<typeof IncidentChange>;

/** A patrol sent to an incident; `arrivedAt` is set when it comes within the arrival radius. */
export const Assignment = z.object({
  unitId: z.string(),
  assignedAt: z.number().int(),
  assignedBy: z.string(),
  arrivedAt: z.number().int().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/**
 * An incident as lists and live updates carry it: never victims or witnesses. For a sensitive
 * incident seen without need-to-know, the location is the centre of its grid cell.
 */
export const IncidentSummary = z.object({
  id: z.string(),
  category: IncidentCategory,
  severity: Severity,
  title: z.string(),
  description: z.string(),
  location: IncidentLocation,
  locationCoarsened: z.boolean(),
  sensitive: z.boolean(),
  protected: z.boolean(),
  status: IncidentStatus,
  occurredAt: z.number().int(),
  reportedAt: z.number().int(),
  reportedBy: z.string(),
  updatedAt: z.number().int(),
  fieldOffice: FieldOfficeId.nullable(),
  /**
   * The nearest POC site, attached when the location is set: distance 0 inside its footprint;
   * the distance is withheld (null) where the location is coarsened.
   */
  nearestSite: z.object({ id: z.string(), name: z.string(), distanceKm: z.number().nullable() }).nullable(),
  assignments: z.array(Assignment),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

/** The whole record, for someone with need-to-know; every such read is audited. */
export const IncidentRecord = IncidentSummary.extend({
  victims: z.array(Person),
  witnesses: z.array(Person),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

/** One line of an incident's append-only timeline. */
export const IncidentEvent = z.object({
  seq: z.number().int(),
  incidentId: z.string(),
  time: z.number().int(),
  actor: z.string(),
  action: z.enum(['created', 'updated', 'assigned', 'arrived']),
  /** field → new value; people on record appear only as `peopleOnRecord: "[need-to-know]"` */
  changes: z.record(z.string(), z.unknown()),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;

/** A patrol that could be sent, with how far it is and roughly how long it would take. */
export const DispatchCandidate = z.object({
  unitId: z.string(),
  callsign: z.string(),
  type: z.string(),
  fieldOffice: FieldOfficeId,
  activity: z.string(),
  distanceKm: z.number(),
  etaMinutes: z.number(),
});
export type DispatchCandidate = z.infer<typeof DispatchCandidate>;

export const AssignRequest = z.object({ unitIds: z.array(z.string().min(1).max(64)).min(1).max(20) });
export type AssignRequest = z.infer<typeof AssignRequest>;
