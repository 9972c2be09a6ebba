import { pino } from 'pino';
import { encodeRow, packRows } from '../shared/feed.js';
import type { Unit } from '../shared/units.js';
import { ManualClock } from '../server/clock.js';
import { loadMissionPack } from '../server/pack.js';
import { Route } from '../server/simulator/motion.js';
import { Simulator } from '../server/simulator/simulator.js';

export interface FeedBytesResult {
  units: number;
  seconds: number;
  reportsPerUnitPerSecond: number;
  tickMs: number;
  baselineBytes: number;
  compactBytes: number;
}

/**
 * Bytes one screen receives for the same traffic: the baseline sends every position report as
 * its own keyed JSON message (what a naive per-message broadcast does); the feed sends one delta
 * per tick with a compact row per unit that changed.
 */
export async function feedBytes(units: number, seconds: number, tickMs: number): Promise<FeedBytesResult> {
  const pack = await loadMissionPack();
  const start = Date.parse('2026-11-21T08:00:00Z');
  const clock = new ManualClock(start);
  const sim = new Simulator({ baseUrl: 'http://127.0.0.1:1', pack, seed: 1, units, clock, logger: pino({ level: 'silent' }) });
  const roster = sim.roster.map((u) => ({ unit: u, route: new Route(u.route) }));
  let baselineBytes = 0;
  let compactBytes = 0;
  let seq = 0;
  for (let t = start; t < start + seconds * 1000; t += tickMs) {
    const rows = [];
    // Every unit reports once a second, at its own moment within the second.
    for (const [i, { unit, route }] of roster.entries()) {
      const offset = (i * 997) % 1000;
      const second = Math.floor((t - start) / 1000);
      const at = start + second * 1000 + offset;
      if (at < t || at >= t + tickMs) continue;
      const r = sim.reportAt(unit, route, at);
      const live: Unit = {
        ...unit.registration,
        activity: unit.activity,
        status: 'live',
        last: { time: Number(r.time), lat: r.lat, lon: r.lon, speed: r.speed ?? 0, heading: r.heading ?? 0, accuracy: r.accuracy ?? 0, battery: r.battery ?? 0 },
      };
      baselineBytes += Buffer.byteLength(`42["unit:moved",${JSON.stringify(live)}]`);
      rows.push(encodeRow(i, live, t + tickMs));
    }
    if (rows.length === 0) continue;
    // As Socket.IO sends it: the event as text with a placeholder, then the packed rows as a binary frame.
    const packed = packRows(rows);
    const header = { seq: ++seq, prev: seq - 1, time: t + tickMs, meta: [], rows: { _placeholder: true, num: 0 } };
    compactBytes += Buffer.byteLength(`451-["units:delta",${JSON.stringify(header)}]`) + packed.byteLength;
  }
  return { units, seconds, reportsPerUnitPerSecond: 1, tickMs, baselineBytes, compactBytes };
}
