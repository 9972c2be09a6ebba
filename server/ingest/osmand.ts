import { z } from 'zod';
import type { PositionReportInput } from '../../shared/positions.js';
import { issuesFrom, type FieldIssue } from '../../shared/reply.js';
import { UnitId } from '../../shared/units.js';

/** One knot in metres per second: the OsmAnd protocol reports speed in knots. */
export const KNOT_MPS = 1852 / 3600;

const num = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .transform((s, ctx) => {
      // Decimal only: Number() would also read "0x1F", "0b11" and "Infinity".
      const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `${what} is not a number: "${s.slice(0, 40)}"` });
        return z.NEVER;
      }
      return n;
    });

/**
 * Unix seconds, Unix milliseconds or ISO 8601, as Traccar Client and its relatives send them.
 * Numbers below 10^11 are seconds (10^11 s is the year 5138; 10^11 ms is 1973).
 */
export const OsmAndTimestamp = z
  .string()
  .trim()
  .min(1)
  .transform((s, ctx) => {
    if (/^\d+(\.\d+)?$/.test(s)) {
      const n = Number(s);
      return Math.round(n < 1e11 ? n * 1000 : n);
    }
    const t = Date.parse(s);
    if (Number.isNaN(t) || !/\d{4}-\d{2}-\d{2}/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `timestamp is neither Unix time nor ISO 8601: "${s.slice(0, 40)}"` });
      return z.NEVER;
    }
    return t;
  });

const Truthy = z
  .string()
  .trim()
  .transform((s) => s === 'true' || s === '1');

/** The query or form parameters of one OsmAnd request; unknown keys are extra attributes. */
const OsmAndParams = z
  .object({
    id: UnitId.optional(),
    deviceid: UnitId.optional(),
    lat: num('lat').optional(),
    lon: num('lon').optional(),
    location: z.string().optional(),
    timestamp: OsmAndTimestamp.optional(),
    speed: num('speed').optional(),
    bearing: num('bearing').optional(),
    heading: num('heading').optional(),
    altitude: num('altitude').optional(),
    accuracy: num('accuracy').optional(),
    hdop: num('hdop').optional(),
    batt: num('batt').optional(),
    charge: Truthy.optional(),
    alarm: z.string().optional(),
  })
  .loose();

export type OsmAndParse = { ok: true; report: PositionReportInput } | { ok: false; issues: FieldIssue[] };

/** Reduces repeated query keys (`?lat=1&lat=2`) to the last value, as Traccar does. */
export function flattenParams(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') out[key] = last;
    else if (typeof last === 'number' || typeof last === 'boolean') out[key] = String(last);
  }
  return out;
}

/**
 * Turns one OsmAnd / Traccar Client request into a position report. Speed arrives in knots
 * and leaves in metres per second; a missing timestamp means "now".
 */
export function parseOsmAnd(params: Record<string, string>, now: number): OsmAndParse {
  const parsed = OsmAndParams.safeParse(params);
  if (!parsed.success) return { ok: false, issues: issuesFrom(parsed.error) };
  const p = parsed.data;
  const issues: FieldIssue[] = [];
  const unitId = p.id ?? p.deviceid;
  if (!unitId) issues.push({ path: 'id', message: 'id (or deviceid) is required' });

  let lat = p.lat;
  let lon = p.lon;
  if ((lat === undefined || lon === undefined) && p.location !== undefined) {
    const [a, b, extra] = p.location.split(',').map((s) => Number(s.trim()));
    if (a === undefined || b === undefined || extra !== undefined || !Number.isFinite(a) || !Number.isFinite(b)) {
      issues.push({ path: 'location', message: `location must be "lat,lon": "${p.location.slice(0, 40)}"` });
    } else {
      lat = a;
      lon = b;
    }
  }
  if (lat === undefined || lon === undefined) {
    if (!issues.some((i) => i.path === 'location')) issues.push({ path: 'lat', message: 'lat and lon (or location=lat,lon) are required' });
  }
  if (!unitId || lat === undefined || lon === undefined || issues.length > 0) return { ok: false, issues };

  const report: PositionReportInput = { unitId, time: p.timestamp ?? now, lat, lon };
  if (p.speed !== undefined) report.speed = p.speed * KNOT_MPS;
  const heading = p.bearing ?? p.heading;
  if (heading !== undefined) report.heading = heading === 360 ? 0 : heading;
  if (p.altitude !== undefined) report.altitude = p.altitude;
  // Without a stated accuracy, HDOP times a typical 5 m user range error is the usual estimate.
  if (p.accuracy !== undefined) report.accuracy = p.accuracy;
  else if (p.hdop !== undefined) report.accuracy = p.hdop * 5;
  if (p.batt !== undefined) report.battery = p.batt;
  if (p.alarm !== undefined && /^(sos|emergency|panic)$/i.test(p.alarm)) report.activity = 'sos';
  return { ok: true, report };
}

/** The JSON variant (Transistorsoft-style background geolocation plugins): one location or several. */
const JsonLocation = z.object({
  timestamp: z.union([z.string(), z.number()]),
  coords: z.object({
    latitude: z.number(),
    longitude: z.number(),
    speed: z.number().optional(),
    heading: z.number().optional(),
    accuracy: z.number().optional(),
    altitude: z.number().optional(),
  }),
  is_moving: z.boolean().optional(),
  event: z.string().optional(),
  battery: z.object({ level: z.number(), is_charging: z.boolean().optional() }).optional(),
  extras: z.record(z.string(), z.unknown()).optional(),
});

export const OsmAndJson = z.object({
  device_id: UnitId,
  // One location or several, read as a list so a refusal names the field (`location[0].coords.latitude`).
  location: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(JsonLocation).min(1).max(10_000)),
});

export function parseOsmAndJson(body: unknown): { ok: true; reports: PositionReportInput[] } | { ok: false; issues: FieldIssue[] } {
  const parsed = OsmAndJson.safeParse(body);
  if (!parsed.success) return { ok: false, issues: issuesFrom(parsed.error) };
  const locations = Array.isArray(parsed.data.location) ? parsed.data.location : [parsed.data.location];
  const issues: FieldIssue[] = [];
  const reports: PositionReportInput[] = [];
  locations.forEach((loc, i) => {
    const time = OsmAndTimestamp.safeParse(String(loc.timestamp));
    if (!time.success) {
      issues.push({ path: `location[${i}].timestamp`, message: time.error.issues[0]?.message ?? 'bad timestamp' });
      return;
    }
    const c = loc.coords;
    const report: PositionReportInput = { unitId: parsed.data.device_id, time: time.data, lat: c.latitude, lon: c.longitude };
    // Speed here is already metres per second; -1 means unknown in these plugins.
    if (c.speed !== undefined && c.speed >= 0) report.speed = c.speed;
    if (c.heading !== undefined && c.heading >= 0) report.heading = c.heading === 360 ? 0 : c.heading;
    if (c.accuracy !== undefined && c.accuracy >= 0) report.accuracy = c.accuracy;
    if (c.altitude !== undefined) report.altitude = c.altitude;
    if (loc.battery && loc.battery.level >= 0) report.battery = Math.round(loc.battery.level * 100);
    if (loc.event && /^(sos|emergency|panic)$/i.test(loc.event)) report.activity = 'sos';
    reports.push(report);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, reports };
}
