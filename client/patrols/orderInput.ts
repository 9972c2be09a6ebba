import { MAX_RADIUS_M, MIN_RADIUS_M, type NewPatrolOrderInput } from '../../shared/patrols.js';
import { parseLocation } from '../incidents/location.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import type { DraftCheckpoint } from './draft.js';
import { dueAfter, fromJubaInput } from './jubaInput.js';
import { patrolFormMessages } from './messages.js';

/** What the operator typed on the patrol form. */
export interface PatrolFormValues {
  unitId: string;
  title: string;
  /** "YYYY-MM-DD HH:MM", Juba time */
  start: string;
  end: string;
  /** MGRS or decimal degrees; empty for the unit's field office */
  returnTo: string;
  checkpoints: readonly DraftCheckpoint[];
}

export interface PatrolFormProblems {
  unitId?: string;
  start?: string;
  end?: string;
  returnTo?: string;
  checkpoints?: string;
  /** by checkpoint key */
  checkpoint: Record<number, string>;
}

export type BuiltOrder = { ok: true; order: NewPatrolOrderInput } | { ok: false; problems: PatrolFormProblems };

/**
 * The order to send, or what is wrong with the form in words the operator can act on. The
 * server checks everything again (windows, roster, overlap) and names any field it refuses.
 */
export function buildOrder(values: PatrolFormValues, lang: Lang = currentLang()): BuiltOrder {
  const t = patrolFormMessages[lang];
  const problems: PatrolFormProblems = { checkpoint: {} };
  if (values.unitId === '') problems.unitId = t.chooseUnit;
  const startsAt = fromJubaInput(values.start);
  const endsAt = fromJubaInput(values.end);
  if (startsAt === null) problems.start = t.startFormat;
  if (endsAt === null) problems.end = t.endFormat;
  else if (startsAt !== null && endsAt <= startsAt) problems.end = t.endAfterStart;
  if (values.checkpoints.length === 0) problems.checkpoints = t.noCheckpoint;

  const checkpoints: NewPatrolOrderInput['checkpoints'] = [];
  for (const c of values.checkpoints) {
    const radius = Number(c.radiusM);
    let dueAt: number | null = null;
    if (c.name.trim() === '') problems.checkpoint[c.key] = t.cpNameMissing;
    else if (!Number.isInteger(radius) || radius < MIN_RADIUS_M || radius > MAX_RADIUS_M) {
      problems.checkpoint[c.key] = t.radiusRange(MIN_RADIUS_M, MAX_RADIUS_M);
    } else if (c.due.trim() !== '') {
      dueAt = startsAt === null ? null : dueAfter(c.due, startsAt);
      if (dueAt === null) problems.checkpoint[c.key] = t.dueFormat;
      else if (endsAt !== null && dueAt > endsAt) problems.checkpoint[c.key] = t.dueAfterEnd(c.due.trim());
    }
    checkpoints.push({ name: c.name.trim(), lat: c.lat, lon: c.lon, radiusM: radius, ...(dueAt !== null ? { dueAt } : {}) });
  }

  let returnTo: NewPatrolOrderInput['returnTo'];
  if (values.returnTo.trim() !== '') {
    const place = parseLocation(values.returnTo);
    if (place.ok) returnTo = { name: t.returnPoint, lat: place.lat, lon: place.lon };
    else problems.returnTo = place.problem;
  }

  const { checkpoint, ...rest } = problems;
  if (Object.keys(rest).length > 0 || Object.keys(checkpoint).length > 0 || startsAt === null || endsAt === null) return { ok: false, problems };
  return {
    ok: true,
    order: { unitId: values.unitId, title: values.title.trim(), startsAt, endsAt, checkpoints, ...(returnTo ? { returnTo } : {}) },
  };
}

/**
 * The server's complaint about one checkpoint, read off an issue path like
 * "checkpoints[2].dueAt": the checkpoint's position and the field.
 * @example checkpointIssue('checkpoints[2].dueAt') // { index: 2, field: 'dueAt' }
 */
export function checkpointIssue(path: string): { index: number; field: string } | null {
  const m = /^checkpoints\[(\d+)\](?:\.(\w+))?$/.exec(path);
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : null;
}
