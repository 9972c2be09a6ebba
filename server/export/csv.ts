/**
 * CSV as RFC 4180 describes it, for Excel as much as for GIS tools: a UTF-8 byte-order mark (so
 * Excel reads Arabic or accented names right), CRLF line ends, and a field quoted when it holds a
 * comma, a quote or a line break, its quotes doubled.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Put first in every CSV file, so Excel reads it as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula. Text typed by people is kept as text by a leading apostrophe
 * (OWASP "CSV injection"); numbers the server writes itself are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted where needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
