import { z } from 'zod';
import {
  Assignment,
  IncidentCategory,
  IncidentLocation,
  IncidentStatus,
  isSensitive,
  Person,
  Severity,
  type IncidentRecord,
} from '../../shared/incidents.js';

/**
 * An incident as it stood at any moment, rebuilt from its append-only timeline: the `created`
 * entry holds the report as filed, each `updated` the fields changed, `assigned` the patrols
 * sent and `arrived` a patrol's arrival. Pure: the rows come in, the versions go out.
 */

/** Where an incident is and what is near it, as the incident service works it out. */
export interface Place {
  fieldOffice: IncidentRecord['fieldOffice'];
  nearestSite: IncidentRecord['nearestSite'];
}
export type PlaceOf = (location: { lat: number; lon: number }) => Place;

/** One timeline entry as stored. */
export interface TimelineRow {
  seq: number;
  time: number;
  actor: string;
  action: string;
  /** the JSON text as stored */
  changes: string;
}

/** The incident after a change, and when the change was made. */
export interface IncidentVersion {
  time: number;
  record: IncidentRecord;
}

// Read leniently: what was valid when it was written stays readable if a rule tightens later
// (a mission area redrawn, a category retired), so the field is simply left as it was.
const Created = z.object({
  category: IncidentCategory,
  severity: Severity,
  title: z.string(),
  description: z.string().default(''),
  location: IncidentLocation,
  occurredAt: z.number().int().optional(),
  protected: z.boolean().default(false),
  victims: z.array(Person).default([]),
  witnesses: z.array(Person).default([]),
});

const Updated = z.object({
  status: IncidentStatus.optional(),
  severity: Severity.optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  category: IncidentCategory.optional(),
  location: IncidentLocation.optional(),
  protected: z.boolean().optional(),
  victims: z.array(Person).optional(),
  witnesses: z.array(Person).optional(),
});

const AssignedChanges = z.object({ unitIds: z.array(z.string()), status: IncidentStatus.optional() });
const ArrivedChanges = z.object({ unitId: z.string() });

const DONE: ReadonlySet<IncidentRecord['status']> = new Set(['resolved', 'closed', 'false-report']);

function parseChanges(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Each field the schema could read, the rest dropped: one bad field does not lose the others. */
function readable<S extends z.ZodObject>(schema: S, value: unknown): Partial<z.output<S>> {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Partial<z.output<S>>;
}

const sameLocation = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => a.lat === b.lat && a.lon === b.lon;

/**
 * Every version of an incident, oldest first, from its `created` entry through each later one.
 * `now` is the incident as stored today: it fills what a timeline entry cannot tell (an entry
 * that cannot be read leaves the incident as it was). A version's time never goes back: an
 * arrival stamped with an earlier fix counts from when it was recorded in turn.
 */
export function incidentVersions(now: IncidentRecord, timeline: readonly TimelineRow[], placeOf: PlaceOf): IncidentVersion[] {
  const ordered = [...timeline].sort((a, b) => a.seq - b.seq);
  const versions: IncidentVersion[] = [];
  // Sensitive now or then: a case marked need-to-know later is not shown exactly in its past either.
  const sensitiveNow = now.sensitive;
  let current = null as IncidentRecord | null;
  let lastTime = -Infinity;
  const placeFor = (location: { lat: number; lon: number }): Place =>
    sameLocation(location, now.location) ? { fieldOffice: now.fieldOffice, nearestSite: now.nearestSite } : placeOf(location);

  for (const entry of ordered) {
    const changes = parseChanges(entry.changes);
    let next: IncidentRecord | null = current;
    if (entry.action === 'created') {
      const report = readable(Created, changes);
      const location = report.location ?? now.location;
      const category = report.category ?? now.category;
      const isProtected = report.protected ?? now.protected;
      next = {
        ...now,
        category,
        severity: report.severity ?? now.severity,
        title: report.title ?? now.title,
        description: report.description ?? now.description,
        location,
        ...placeFor(location),
        protected: isProtected,
        status: 'reported',
        occurredAt: report.occurredAt ?? now.reportedAt,
        reportedAt: now.reportedAt,
        updatedAt: entry.time,
        victims: report.victims ?? [],
        witnesses: report.witnesses ?? [],
        assignments: [],
        sensitive: sensitiveNow || isSensitive({ category, protected: isProtected }),
      };
    } else if (current) {
      next = { ...current, updatedAt: entry.time };
      if (entry.action === 'updated') {
        const change = readable(Updated, changes);
        if (change.status !== undefined) next.status = change.status;
        if (change.severity !== undefined) next.severity = change.severity;
        if (change.title !== undefined) next.title = change.title;
        if (change.description !== undefined) next.description = change.description;
        if (change.category !== undefined) next.category = change.category;
        if (change.protected !== undefined) next.protected = change.protected;
        if (change.victims !== undefined) next.victims = change.victims;
        if (change.witnesses !== undefined) next.witnesses = change.witnesses;
        if (change.location !== undefined) Object.assign(next, { location: change.location }, placeFor(change.location));
        next.sensitive = sensitiveNow || isSensitive(next);
      } else if (entry.action === 'assigned') {
        const assigned = AssignedChanges.safeParse(changes);
        if (assigned.success) {
          const have = new Set(next.assignments.map((a) => a.unitId));
          const added: Assignment[] = assigned.data.unitIds
            .filter((unitId) => !have.has(unitId))
            .map((unitId) => ({ unitId, assignedAt: entry.time, assignedBy: entry.actor, arrivedAt: null }));
          next.assignments = [...next.assignments, ...added];
          if (assigned.data.status) next.status = assigned.data.status;
        }
      } else if (entry.action === 'arrived') {
        const arrived = ArrivedChanges.safeParse(changes);
        if (arrived.success) {
          next.assignments = next.assignments.map((a) => (a.unitId === arrived.data.unitId && a.arrivedAt === null ? { ...a, arrivedAt: entry.time } : a));
        }
      }
    }
    if (!next) continue;
    lastTime = Math.max(lastTime, entry.time);
    current = next;
    versions.push({ time: lastTime, record: next });
  }
  // An incident whose `created` entry is missing is known only as it is now, from its report time.
  if (versions.length === 0) versions.push({ time: now.reportedAt, record: { ...now, sensitive: sensitiveNow } });
  return versions;
}

/** The version in force at `at`, or null when the incident had not been reported yet. */
export function versionAt(versions: readonly IncidentVersion[], at: number): IncidentRecord | null {
  let found: IncidentRecord | null = null;
  for (const v of versions) {
    if (v.time > at) break;
    found = v.record;
  }
  return found;
}

/**
 * When each patrol sent to the incident was responding: from when it was sent until it
 * arrived, or the incident was resolved, closed or dismissed (null: still on its way).
 */
export function respondingSpans(versions: readonly IncidentVersion[]): { unitId: string; from: number; until: number | null }[] {
  const last = versions.at(-1)?.record;
  if (!last) return [];
  return last.assignments.map((a) => {
    const done = versions.find((v) => v.time >= a.assignedAt && DONE.has(v.record.status));
    const ends = [a.arrivedAt, done?.time ?? null].filter((t): t is number => t !== null);
    return { unitId: a.unitId, from: a.assignedAt, until: ends.length > 0 ? Math.min(...ends) : null };
  });
}
