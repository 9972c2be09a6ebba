import type { FieldOfficeId } from '../../../shared/sites.js';
import type { Activity, LinkStatus, Unit, UnitType } from '../../../shared/units.js';
import { effectiveStatus, type StatusPolicy } from '../../state/status.js';

/** One line of the units list: what it shows, worked out once per refresh. */
export interface UnitListRow {
  id: string;
  callsign: string;
  type: UnitType;
  fieldOffice: FieldOfficeId;
  group: string | undefined;
  activity: Activity;
  status: LinkStatus;
  /** time of the last fix, epoch ms; null if none */
  lastTime: number | null;
  implausible: boolean;
}

export type StatusFilter = LinkStatus | 'all' | 'sos';

export interface UnitListFilter {
  /** matched against callsign, unit id and group, ignoring case */
  text: string;
  status: StatusFilter;
  office: FieldOfficeId | 'all';
}

export const NO_FILTER: UnitListFilter = { text: '', status: 'all', office: 'all' };

export function unitListRow(unit: Unit, serverNowMs: number, policy: StatusPolicy): UnitListRow {
  return {
    id: unit.id,
    callsign: unit.callsign,
    type: unit.type,
    fieldOffice: unit.fieldOffice,
    group: unit.group,
    activity: unit.activity,
    status: effectiveStatus(unit, serverNowMs, policy),
    lastTime: unit.last?.time ?? null,
    implausible: unit.last?.implausible === true,
  };
}

/** Worst first: what needs attention sits at the top. */
const STATUS_ORDER: Record<LinkStatus, number> = { lost: 0, stale: 1, live: 2, unknown: 3 };
const callsigns = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** SOS first, then lost, stale, live and never seen; by callsign within each, so rows do not jump about. */
export function compareRows(a: UnitListRow, b: UnitListRow): number {
  const sos = Number(b.activity === 'sos') - Number(a.activity === 'sos');
  if (sos !== 0) return sos;
  const status = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (status !== 0) return status;
  return callsigns.compare(a.callsign, b.callsign) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function matchesFilter(row: UnitListRow, filter: UnitListFilter): boolean {
  if (filter.office !== 'all' && row.fieldOffice !== filter.office) return false;
  if (filter.status === 'sos' ? row.activity !== 'sos' : filter.status !== 'all' && row.status !== filter.status) return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return row.callsign.toLowerCase().includes(text) || row.id.toLowerCase().includes(text) || (row.group?.toLowerCase().includes(text) ?? false);
}

export type StatusCounts = Record<LinkStatus, number> & { total: number; sos: number };

export function countRows(rows: readonly UnitListRow[]): StatusCounts {
  const counts: StatusCounts = { total: 0, live: 0, stale: 0, lost: 0, unknown: 0, sos: 0 };
  for (const row of rows) {
    counts.total += 1;
    counts[row.status] += 1;
    if (row.activity === 'sos') counts.sos += 1;
  }
  return counts;
}

export interface UnitList {
  /** the rows that pass the filter, in display order */
  rows: UnitListRow[];
  /** counts over every unit, whatever the filter */
  counts: StatusCounts;
}

/** Every unit as a row, counted, filtered and sorted for the list. */
export function buildUnitList(units: Iterable<Unit>, serverNowMs: number, policy: StatusPolicy, filter: UnitListFilter): UnitList {
  const all: UnitListRow[] = [];
  for (const unit of units) all.push(unitListRow(unit, serverNowMs, policy));
  const rows = all.filter((row) => matchesFilter(row, filter));
  rows.sort(compareRows);
  return { rows, counts: countRows(all) };
}
