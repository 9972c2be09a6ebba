import { z } from 'zod';
import { FieldOfficeId } from './sites.js';

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

/** 1 low … 4 critical. */
export const Severity = z.number().int().min(1).max(4);
export type Severity = z.infer<typeof Severity>;

/** reported → verified → responding → resolved → closed; false-report ends it early. */
export const IncidentStatus = z.enum(['reported', 'verified', 'responding', 'resolved', 'closed', 'false-report']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Categories whose victim and witness details are need-to-know. */
export const SENSITIVE_CATEGORIES: ReadonlySet<IncidentCategory> = new Set(['sgbv', 'human-rights-violation']);

export const IncidentLocation = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** What a reporter files; the server adds id, times, status and the nearest sites. */
export const IncidentReport = z.object({
  category: IncidentCategory,
  severity: Severity,
  title: z.string().trim().min(3).max(120),
  description: z.string().max(4000).default(''),
  location: IncidentLocation,
  /** when it happened, epoch ms; defaults to when it was reported */
  occurredAt: z.number().int().optional(),
});
export type IncidentReport = z.infer<typeof IncidentReport>;

export const Incident = IncidentReport.extend({
  id: z.string(),
  status: IncidentStatus,
  reportedAt: z.number().int(),
  updatedAt: z.number().int(),
  fieldOffice: FieldOfficeId.nullable(),
});
export type Incident = z.infer<typeof Incident>;
