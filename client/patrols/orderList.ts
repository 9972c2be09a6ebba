import { checkpointCounts, checkpointState, isLivePatrol, type Checkpoint, type CheckpointState, type PatrolOrder, type PatrolStatus } from '../../shared/patrols.js';
import type { Unit } from '../../shared/units.js';
import { jubaDate, jubaHoursMinutes } from '../format/time.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { patrolMessages } from './messages.js';

/** An order's status in words, in the current language. */
export const statusText = (status: PatrolStatus, lang: Lang = currentLang()): string => patrolMessages[lang].status(status);

export interface PatrolRowView {
  id: string;
  unitId: string;
  callsign: string;
  title: string;
  status: PatrolStatus;
  /** overdue, or a missed checkpoint not reached since: drawn in the alarm colour */
  alarm: boolean;
  /** "14:00–18:00 Juba", with the day when it is not today */
  window: string;
  reached: number;
  missed: number;
  total: number;
  checkpoints: { idx: number; name: string; state: CheckpointState; title: string }[];
  /** where it stands with the return: "back 17:40", "not back since 18:00", "back at Bor field office by 18:00" */
  returnText: string;
}

const hm = (ms: number) => jubaHoursMinutes(ms);
const shortDate = (ms: number, lang: Lang) => jubaDate(ms, lang).replace(/ \d{4}$/, '');

function windowText(order: PatrolOrder, now: number, lang: Lang): string {
  const sameDayAsToday = jubaDate(order.startsAt, 'en') === jubaDate(now, 'en');
  const endsNextDay = jubaDate(order.endsAt, 'en') !== jubaDate(order.startsAt, 'en');
  return patrolMessages[lang].window(sameDayAsToday ? null : shortDate(order.startsAt, lang), hm(order.startsAt), hm(order.endsAt), endsNextDay);
}

function checkpointTitle(order: PatrolOrder, c: Checkpoint, lang: Lang): string {
  const t = patrolMessages[lang];
  const due = c.dueAt === null ? t.byTheEnd(hm(order.endsAt)) : t.dueBy(hm(c.dueAt));
  switch (checkpointState(c)) {
    case 'reached':
      return t.reached(c.name, hm(c.reachedAt ?? 0), due);
    case 'late':
      return t.late(c.name, hm(c.reachedAt ?? 0), due);
    case 'missed':
      return t.missedCp(c.name, due);
    case 'pending':
      return t.pending(c.name, due);
  }
}

function returnText(order: PatrolOrder, lang: Lang): string {
  const t = patrolMessages[lang];
  switch (order.status) {
    case 'completed':
      return t.back(hm(order.completedAt ?? order.updatedAt), order.overdueAt !== null ? hm(order.endsAt) : null);
    case 'overdue':
      return t.notBack(order.returnTo.name, hm(order.endsAt));
    case 'cancelled':
      return t.cancelled(hm(order.cancelledAt ?? order.updatedAt), order.cancelledBy);
    default:
      return t.backBy(order.returnTo.name, hm(order.endsAt));
  }
}

const RANK: Record<PatrolStatus, number> = { overdue: 0, active: 1, planned: 2, completed: 3, cancelled: 3 };

/** Worst news first: overdue, on patrol (soonest due back first), planned (soonest first), then those ended, latest first. */
export function orderRank(a: PatrolOrder, b: PatrolOrder): number {
  const byRank = RANK[a.status] - RANK[b.status];
  if (byRank !== 0) return byRank;
  if (a.status === 'planned') return a.startsAt - b.startsAt || a.id.localeCompare(b.id);
  if (RANK[a.status] === 3) return b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
  return a.endsAt - b.endsAt || a.id.localeCompare(b.id);
}

/** How long an ended order stays in the list: a screen left open for days does not pile them up. */
export const ENDED_SHOWN_MS = 24 * 3600_000;

/** The patrol orders as the panel lists them: those still followed, and those ended in the last 24 hours. */
export function patrolRows(orders: Iterable<PatrolOrder>, units: ReadonlyMap<string, Unit>, now: number, lang: Lang = currentLang()): PatrolRowView[] {
  const shown = [...orders].filter((o) => isLivePatrol(o) || o.updatedAt >= now - ENDED_SHOWN_MS);
  return shown.sort(orderRank).map((order) => {
    const counts = checkpointCounts(order);
    const outstanding = order.checkpoints.some((c) => checkpointState(c) === 'missed');
    return {
      id: order.id,
      unitId: order.unitId,
      callsign: units.get(order.unitId)?.callsign ?? order.unitId,
      title: order.title,
      status: order.status,
      alarm: order.status === 'overdue' || (outstanding && order.status !== 'cancelled'),
      window: windowText(order, now, lang),
      reached: counts.reached,
      missed: counts.missed,
      total: counts.total,
      checkpoints: order.checkpoints.map((c) => ({ idx: c.idx, name: c.name, state: checkpointState(c), title: checkpointTitle(order, c, lang) })),
      returnText: returnText(order, lang),
    };
  });
}

/** How many orders are under way, and whether one is overdue or has a checkpoint missed and not reached since. */
export function liveSummary(orders: Iterable<PatrolOrder>): { count: number; alarm: boolean } {
  let count = 0;
  let alarm = false;
  for (const o of orders) {
    if (!isLivePatrol(o)) continue;
    count += 1;
    if (o.status === 'overdue' || o.checkpoints.some((c) => checkpointState(c) === 'missed')) alarm = true;
  }
  return { count, alarm };
}
