import { currentLang, LOCALE, type Lang } from '../i18n/lang.js';

/** Speed in km/h, rounded to a whole number: fixes carry m/s. */
export function formatSpeed(metresPerSecond: number | undefined): string {
  if (metresPerSecond === undefined) return '—';
  return `${Math.round(metresPerSecond * 3.6)} km/h`;
}

const POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/**
 * A heading as three digits and a compass point.
 * @example formatHeading(45) === '045° NE'
 */
export function formatHeading(degrees: number | undefined): string {
  if (degrees === undefined) return '—';
  const d = ((Math.round(degrees) % 360) + 360) % 360;
  const point = POINTS[Math.round(d / 45) % 8] ?? 'N';
  return `${String(d).padStart(3, '0')}° ${point}`;
}

/** Horizontal accuracy, "±12 m" or "±1.2 km". */
export function formatAccuracy(metres: number | undefined, lang: Lang = currentLang()): string {
  if (metres === undefined) return '—';
  if (metres < 1000) return `±${Math.round(metres)} m`;
  const km = (metres / 1000).toFixed(1);
  return `±${lang === 'fr' ? km.replace('.', ',') : km} km`;
}

export function formatBattery(percent: number | undefined): string {
  if (percent === undefined) return '—';
  return `${Math.round(percent)} %`;
}

/** A head count grouped the way the language writes it: "34,000" / "34 000". */
export function formatCount(n: number, lang: Lang = currentLang()): string {
  return n.toLocaleString(LOCALE[lang]);
}
