import { toPoint } from 'mgrs';
import { currentLang, type Lang } from '../i18n/lang.js';
import { incidentMessages } from './messages.js';

type Words = (typeof incidentMessages)[Lang];

export type ParsedLocation =
  | { ok: true; lat: number; lon: number; format: 'mgrs' | 'decimal' }
  | { ok: false; problem: string };

/** Generous bounds around South Sudan: a point outside is almost always a typing slip. */
const MISSION_AREA = { south: 1, north: 14, west: 22, east: 38 } as const;

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const DECIMAL = new RegExp(String.raw`^(${NUMBER})\s*°?\s*([NS])?\s*[,;\s]\s*(${NUMBER})\s*°?\s*([EW])?$`, 'i');
const MGRS = /^(\d{1,2})([A-Z])([A-Z]{2})(\d*)$/;

function fail(problem: string): ParsedLocation {
  return { ok: false, problem };
}

function inMissionArea(lat: number, lon: number, t: Words): ParsedLocation {
  const { south, north, west, east } = MISSION_AREA;
  if (lat < south || lat > north || lon < west || lon > east) {
    const swapped = lon >= south && lon <= north && lat >= west && lat <= east;
    return fail(
      swapped ? t.locSwapped(lat, lon) : t.locOutside(lat, lon),
    );
  }
  return { ok: true, lat, lon, format: 'decimal' };
}

function parseDecimal(m: RegExpExecArray, t: Words): ParsedLocation {
  let lat = Number(m[1]);
  let lon = Number(m[3]);
  if (m[2]?.toUpperCase() === 'S') lat = -Math.abs(lat);
  if (m[4]?.toUpperCase() === 'W') lon = -Math.abs(lon);
  if (Math.abs(lat) > 90) return fail(t.locLatRange(lat));
  if (Math.abs(lon) > 180) return fail(t.locLonRange(lon));
  return inMissionArea(lat, lon, t);
}

function parseMgrs(compact: string, t: Words): ParsedLocation {
  const m = MGRS.exec(compact);
  if (!m || !m[1] || !m[2] || !m[3]) {
    return fail(t.locNotGrid);
  }
  const zone = Number(m[1]);
  const digits = m[4] ?? '';
  if (zone < 1 || zone > 60) return fail(t.locZone(zone));
  if ('ABIOYZ'.includes(m[2])) return fail(t.locBand(m[2]));
  if (/[IO]/.test(m[3])) return fail(t.locSquare(m[3]));
  if (digits.length === 0) return fail(t.locNoDigits);
  if (digits.length % 2 !== 0) {
    return fail(t.locOddDigits(digits.length));
  }
  if (digits.length > 10) return fail(t.locTooMany);
  let point: number[];
  try {
    point = toPoint(compact);
  } catch {
    return fail(t.locInvalid(compact));
  }
  const [lon, lat] = point;
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return fail(t.locInvalid(compact));
  }
  const area = inMissionArea(lat, lon, t);
  return area.ok ? { ...area, format: 'mgrs' } : fail(t.locGridOutside(compact));
}

/**
 * A location as a user types it: an MGRS grid reference (spaces optional) or decimal degrees,
 * latitude first (hemisphere letters allowed). Says in words what is wrong otherwise.
 * @example parseLocation('36N UR 44922 51369') // { ok: true, lat: 9.5…, lon: 31.6…, format: 'mgrs' }
 * @example parseLocation('9.55, 31.66') // { ok: true, lat: 9.55, lon: 31.66, format: 'decimal' }
 */
export function parseLocation(text: string, lang: Lang = currentLang()): ParsedLocation {
  const t = incidentMessages[lang];
  const trimmed = text.trim();
  if (trimmed === '') return fail(t.locEmpty);
  const decimal = DECIMAL.exec(trimmed);
  if (decimal) return parseDecimal(decimal, t);
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  if (/^\d{1,2}[A-Z]/.test(compact)) return parseMgrs(compact, t);
  return fail(t.locNeither(trimmed));
}
