import { CATEGORY_NAME_EN, type IncidentCategory } from '../../shared/incidents.js';

/** What the JOC calls each category: the same words as the map's legend. */
export const CATEGORY_LABEL: Record<IncidentCategory, string> = CATEGORY_NAME_EN;

export const SEVERITY_LABEL: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Critical' };

/** Severity colours as the map draws them (critical red, high amber), for KML styles. */
export const SEVERITY_COLOUR: Record<number, string> = { 1: '#9aa5b4', 2: '#ffd60a', 3: '#ffb020', 4: '#ff3b30' };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in UTC, as GeoJSON and KML readers expect: "2026-11-21T05:30:00.000Z". */
export const isoUtc = (ms: number): string => new Date(ms).toISOString();

/** UTC as Excel and QGIS read a date-time cell: "2026-11-21 05:30:00". */
export const sheetUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The date-time group a brief quotes.
 * @example zuluDtg(Date.UTC(2026, 10, 21, 14, 30)) === '211430Z NOV 26'
 */
export function zuluDtg(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()] ?? '???'} ${pad2(d.getUTCFullYear() % 100)}`;
}

/**
 * A KML colour (aabbggrr) from a CSS hex colour.
 * @example kmlColour('#ff3b30') === 'ff303bff'
 */
export function kmlColour(hex: string, alpha = 0xff): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const a = alpha.toString(16).padStart(2, '0');
  return m ? `${a}${m[3]}${m[2]}${m[1]}`.toLowerCase() : `${a}ffffff`;
}
