import { Router, type Request } from 'express';
import type { z } from 'zod';
import { issuesFrom } from '../../shared/reply.js';
import { ReplayStateQuery, ReplayTracksQuery } from '../../shared/replay.js';
import { ReplayRefused, type ReplayService } from '../replay/service.js';
import { principalOf, requirePermission } from './auth.js';
import { ApiError, sendOk } from './errors.js';

/** Parses a query, or throws a 400 whose message names each bad field and says what it needs. */
function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const issues = issuesFrom(result.error);
  throw new ApiError('invalid_input', `the replay query is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

const needToKnow = (req: Request) => principalOf(req)?.permissions.has('incidents:read-sensitive') ?? false;

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ReplayRefused) throw new ApiError('invalid_input', err.message, [{ path: err.field, message: err.message }]);
    throw err;
  }
}

/** Replay under /api/replay: the map as it was, for anyone who may read the map. */
export function replayRouter({ replay }: { replay: ReplayService }): Router {
  const router = Router();

  router.get('/range', requirePermission('map:read'), (_req, res) => sendOk(res, replay.range()));

  router.get('/state', requirePermission('map:read'), async (req, res) => {
    const { at } = parseQuery(ReplayStateQuery, req.query);
    sendOk(res, await answering(() => replay.state(at, needToKnow(req))));
  });

  router.get('/tracks', requirePermission('map:read'), async (req, res) => {
    const q = parseQuery(ReplayTracksQuery, req.query);
    sendOk(res, await answering(() => replay.tracks(q.from, q.to, q.everyS ?? 0, needToKnow(req))));
  });

  router.use((req, _res, next) => next(new ApiError('not_found', `no API route ${req.method} /api/replay${req.path}`)));
  return router;
}
