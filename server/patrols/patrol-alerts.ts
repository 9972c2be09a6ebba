import type { AlertKind, AlertWordsOf } from '../../shared/alerts.js';
import type { Checkpoint, PatrolOrder } from '../../shared/patrols.js';
import { deadlineOf, type PatrolChange } from './progress.js';

/** A missed checkpoint may be a detour or a blocked road: the desk looks, the alarm does not sound. */
export const CHECKPOINT_MISSED_SEVERITY = 2;
/** A patrol not back may be in trouble: as serious as a lost unit, and it sounds. */
export const PATROL_OVERDUE_SEVERITY = 3;

export type PatrolAlertAction =
  | { do: 'raise'; kind: 'checkpoint-missed'; severity: number; title: string; words: AlertWordsOf<'checkpoint-missed'> }
  | { do: 'raise'; kind: 'patrol-overdue'; severity: number; title: string; words: AlertWordsOf<'patrol-overdue'> }
  | { do: 'resolve'; kind: Extract<AlertKind, 'checkpoint-missed' | 'patrol-overdue'> };

// Juba has kept UTC+2 since February 2021; Intl follows the tz database should it change again.
const jubaClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Juba', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Juba wall-clock time to the minute, as alert titles give it.
 * @example jubaHoursMinutes(Date.UTC(2027, 1, 15, 12, 30)) === '14:30'
 */
export function jubaHoursMinutes(epochMs: number): string {
  return jubaClock.format(epochMs);
}

/** "Pariak", "Pariak and Anyidi", "Pariak, Anyidi and Kolnyang". */
function namesOf(checkpoints: readonly Checkpoint[]): string {
  const names = checkpoints.map((c) => c.name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * The title of a missed-checkpoint alert, e.g. "BOR-FPU-2 missed checkpoint Pariak (due 14:30
 * Juba)"; several missed at once share one alert.
 */
export function missedTitle(callsign: string, order: PatrolOrder, missed: readonly Checkpoint[]): string {
  const noun = missed.length === 1 ? 'checkpoint' : 'checkpoints';
  const byEnd = missed.every((c) => c.dueAt === null);
  const deadline = Math.max(...missed.map((c) => deadlineOf(order, c)));
  const when = byEnd ? `patrol ended ${jubaHoursMinutes(order.endsAt)} Juba` : `due ${missed.length > 1 ? 'by ' : ''}${jubaHoursMinutes(deadline)} Juba`;
  return `${callsign} missed ${noun} ${namesOf(missed)} (${when})`;
}

/** The facts of a missed-checkpoint alert, as its title gives them, for the screens to word. */
export function missedWords(callsign: string, order: PatrolOrder, missed: readonly Checkpoint[]): AlertWordsOf<'checkpoint-missed'> {
  const byEnd = missed.every((c) => c.dueAt === null);
  const dueAt = byEnd ? order.endsAt : Math.max(...missed.map((c) => deadlineOf(order, c)));
  return { kind: 'checkpoint-missed', callsign, checkpoints: missed.map((c) => c.name), dueAt, byEnd };
}

export function overdueWords(callsign: string, order: PatrolOrder): AlertWordsOf<'patrol-overdue'> {
  return { kind: 'patrol-overdue', callsign, returnTo: order.returnTo.name, dueAt: order.endsAt };
}

export function overdueTitle(callsign: string, order: PatrolOrder): string {
  return `${callsign} overdue: not back at ${order.returnTo.name} by ${jubaHoursMinutes(order.endsAt)} Juba`;
}

/**
 * The alerts an order's change raises or resolves. The queue keeps at most one open alert per
 * kind and unit, so a new missed checkpoint first resolves the unit's previous one: each miss
 * gets its own alert, to be acknowledged on its own, and the earlier one stays in the queue
 * until someone does. A missed-checkpoint alert is resolved when the unit reaches every missed
 * checkpoint after all, or the order is cancelled; an overdue alert when the unit is back or
 * the order is cancelled.
 */
export function alertActions(callsign: string, before: PatrolOrder, after: PatrolOrder, change: PatrolChange): PatrolAlertAction[] {
  const actions: PatrolAlertAction[] = [];
  if (change.missed.length > 0) {
    actions.push({ do: 'resolve', kind: 'checkpoint-missed' });
    actions.push({ do: 'raise', kind: 'checkpoint-missed', severity: CHECKPOINT_MISSED_SEVERITY, title: missedTitle(callsign, after, change.missed), words: missedWords(callsign, after, change.missed) });
  } else if ((change.cancelled && change.outstanding.length > 0) || (change.reached.some((c) => c.missedAt !== null) && change.outstanding.length === 0)) {
    actions.push({ do: 'resolve', kind: 'checkpoint-missed' });
  }
  if (change.becameOverdue) {
    actions.push({ do: 'raise', kind: 'patrol-overdue', severity: PATROL_OVERDUE_SEVERITY, title: overdueTitle(callsign, after), words: overdueWords(callsign, after) });
  }
  if (before.status === 'overdue' && (change.completed || change.cancelled)) actions.push({ do: 'resolve', kind: 'patrol-overdue' });
  return actions;
}
