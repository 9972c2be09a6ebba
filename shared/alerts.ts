import { z } from 'zod';
import { Severity } from './incidents.js';

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
});
export type Alert = z.infer<typeof Alert>;

export const AlertsSnapshot = z.object({ time: z.number().int(), alerts: z.array(Alert) });
export type AlertsSnapshot = z.infer<typeof AlertsSnapshot>;
