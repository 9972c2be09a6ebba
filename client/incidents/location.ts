import { toPoint } from 'mgrs';

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

function inMissionArea(lat: number, lon: number): ParsedLocation {
  const { south, north, west, east } = MISSION_AREA;
  if (lat < south || lat > north || lon < west || lon > east) {
    const swapped = lon >= south && lon <= north && lat >= west && lat <= east;
    return fail(
      swapped
        ? `${lat}, ${lon} is outside South Sudan. Latitude comes first: did you mean ${lon}, ${lat}?`
        : `${lat}, ${lon} is outside South Sudan and its borders.`,
    );
  }
  return { ok: true, lat, lon, format: 'decimal' };
}

function parseDecimal(m: RegExpExecArray): ParsedLocation {
  let lat = Number(m[1]);
  let lon = Number(m[3]);
  if (m[2]?.toUpperCase() === 'S') lat = -Math.abs(lat);
  if (m[4]?.toUpperCase() === 'W') lon = -Math.abs(lon);
  if (Math.abs(lat) > 90) return fail(`Latitude ${lat} is not between -90 and 90. Type latitude first, then longitude.`);
  if (Math.abs(lon) > 180) return fail(`Longitude ${lon} is not between -180 and 180.`);
  return inMissionArea(lat, lon);
}

function parseMgrs(compact: string): ParsedLocation {
  const m = MGRS.exec(compact);
  if (!m || !m[1] || !m[2] || !m[3]) {
    return fail('Not a grid reference: expected zone, band, square and digits, like "36N UR 44922 51369".');
  }
  const zone = Number(m[1]);
  const digits = m[4] ?? '';
  if (zone < 1 || zone > 60) return fail(`Zone ${zone} does not exist: UTM zones run from 1 to 60 (South Sudan is 35N or 36N).`);
  if ('ABIOYZ'.includes(m[2])) return fail(`"${m[2]}" is not a latitude band letter (South Sudan is band N or P).`);
  if (/[IO]/.test(m[3])) return fail(`"${m[3]}" is not a 100 km square: squares never use the letters I or O.`);
  if (digits.length === 0) return fail('Add the easting and northing after the square, like "36N UR 44922 51369".');
  if (digits.length % 2 !== 0) {
    return fail(`The easting and northing need the same number of digits; ${digits.length} were typed.`);
  }
  if (digits.length > 10) return fail('At most five digits each for easting and northing (1 m).');
  let point: number[];
  try {
    point = toPoint(compact);
  } catch {
    return fail(`"${compact}" is not a valid grid reference.`);
  }
  const [lon, lat] = point;
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return fail(`"${compact}" is not a valid grid reference.`);
  }
  const area = inMissionArea(lat, lon);
  return area.ok ? { ...area, format: 'mgrs' } : fail(`${compact} is outside South Sudan: check the zone and square.`);
}

/**
 * A location as a user types it: an MGRS grid reference (spaces optional) or decimal degrees,
 * latitude first (hemisphere letters allowed). Says in words what is wrong otherwise.
 * @example parseLocation('36N UR 44922 51369') // { ok: true, lat: 9.5…, lon: 31.6…, format: 'mgrs' }
 * @example parseLocation('9.55, 31.66') // { ok: true, lat: 9.55, lon: 31.66, format: 'decimal' }
 */
export function parseLocation(text: string): ParsedLocation {
  const trimmed = text.trim();
  if (trimmed === '') return fail('Type a grid reference (36N UR 44922 51369) or latitude, longitude (9.55, 31.66), or click the map.');
  const decimal = DECIMAL.exec(trimmed);
  if (decimal) return parseDecimal(decimal);
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  if (/^\d{1,2}[A-Z]/.test(compact)) return parseMgrs(compact);
  return fail(`"${trimmed}" is neither a grid reference (36N UR 44922 51369) nor latitude, longitude (9.55, 31.66).`);
}
