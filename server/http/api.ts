import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ClientConfig } from '../../shared/config.js';
import { ingestPositions, type Reporter } from '../ingest/pipeline.js';
import type { MissionPack } from '../../shared/sites.js';
import { UnitId, UnitRoster } from '../../shared/units.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ApiError, parseInput, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';
import { actorOf, principalOf, requirePermission } from './auth.js';

export interface ApiDeps {
  tracker: Tracker;
  clock: Clock;
  pack: MissionPack;
  /** pre-encoded JSON of the offline base map, served as is */
  basemapJson: string;
  clientConfig: ClientConfig;
  maxBodyBytes: number;
  audit: AuditLog;
  ingestLimiter: RequestHandler;
}


/** Only the envelope here: each report is validated by the ingest pipeline. */
const PositionBatchShape = z.object({ reports: z.array(z.unknown()) });

const TrailsQuery = z.object({
  minutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** at most one point per unit in this many seconds: a 1 Mbit/s link cannot take every fix */
  everyS: z.coerce.number().int().min(0).max(600).default(10),
});

const TrackQuery = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

/** Keeps the first point, then each point at least `stepMs` after the last kept one, and the last. */
export function thinTrail(points: readonly [number, number, number][], stepMs: number): [number, number, number][] {
  if (stepMs <= 0 || points.length <= 2) return [...points];
  const kept: [number, number, number][] = [];
  let lastTime = -Infinity;
  for (const p of points) {
    if (p[0] - lastTime >= stepMs) {
      kept.push(p);
      lastTime = p[0];
    }
  }
  const last = points[points.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

/** The JSON API under /api. */
export function apiRouter(deps: ApiDeps): Router {
  const { tracker, clock } = deps;
  const router = Router();
  // Bodies are read only once the sender has shown it may send them.
  const json = jsonBody(deps.maxBodyBytes);

  router.get('/config', requirePermission('map:read'), (_req, res) => sendOk(res, deps.clientConfig));

  router.get('/sites', requirePermission('map:read'), (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    sendOk(res, deps.pack);
  });

  router.get('/basemap', requirePermission('map:read'), (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400');
    res.type('application/json').send(deps.basemapJson);
  });

  router.get('/units', requirePermission('map:read'), (_req, res) => sendOk(res, { time: clock.now(), units: tracker.allUnits() }));

  router.post('/units', requirePermission('units:manage'), json, async (req, res) => {
    const roster = parseInput(UnitRoster, req.body, 'the unit roster');
    await tracker.register(roster.units);
    const actor = actorOf(req);
    for (const unit of roster.units) await deps.audit.record({ actor, action: 'unit.register', target: unit.id, details: { ...unit } });
    sendOk(res, { registered: roster.units.length });
  });

  router.get('/trails', requirePermission('map:read'), async (req, res) => {
    const { minutes, everyS } = parseInput(TrailsQuery, req.query, 'the trails query');
    const to = clock.now();
    const from = to - minutes * 60_000;
    const trails = await tracker.trails(from, to, 2_000_000);
    sendOk(res, { from, to, trails: [...trails].map(([unitId, points]) => ({ unitId, points: thinTrail(points, everyS * 1000) })) });
  });

  router.get('/units/:id/track', requirePermission('map:read'), async (req, res) => {
    const unitId = parseInput(UnitId, req.params.id, 'the unit id');
    if (!tracker.has(unitId)) throw new ApiError('not_found', `no unit "${unitId}"`);
    const q = parseInput(TrackQuery, req.query, 'the track query');
    const to = q.to ?? clock.now();
    const from = q.from ?? to - 60 * 60 * 1000;
    if (from > to) throw new ApiError('invalid_input', 'from must not be after to', [{ path: 'from', message: 'after to' }]);
    sendOk(res, { unitId, from, to, fixes: await tracker.track(unitId, from, to, q.limit) });
  });

  router.post('/positions', requirePermission('positions:report'), deps.ingestLimiter, json, async (req, res) => {
    const body = parseInput(PositionBatchShape, req.body, 'the position batch');
    const principal = principalOf(req);
    const reporter: Reporter = principal?.kind === 'device' ? { kind: 'device', unitId: principal.unitId } : { kind: 'trusted' };
    const reply = await ingestPositions(tracker, reporter, body.reports);
    if (!reply.ok) throw new ApiError(reply.code, reply.message, reply.issues);
    sendOk(res, reply.result);
  });

  router.use((req, _res, next) => next(new ApiError('not_found', `no API route ${req.method} ${req.path}`)));
  return router;
}
