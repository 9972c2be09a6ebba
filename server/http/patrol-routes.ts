import { Router } from 'express';
import { z } from 'zod';
import { CancelPatrolOrder, NewPatrolOrder } from '../../shared/patrols.js';
import type { AuditLog } from '../audit/audit-log.js';
import { PatrolConflict, PatrolNotFound, PatrolRefused, type PatrolOrderService } from '../patrols/service.js';
import { actorOf, requirePermission } from './auth.js';
import { ApiError, parseInput, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';

const IdParam = z.string().uuid('a patrol order id as the server issued it');
const ListQuery = z.object({
  /** ended orders from this many hours back are listed beside those still followed */
  hours: z.coerce.number().int().min(1).max(168).default(24),
});

function asApiError(err: unknown): unknown {
  if (err instanceof PatrolRefused) return new ApiError('invalid_input', err.message, err.issues);
  if (err instanceof PatrolNotFound) return new ApiError('not_found', err.message);
  if (err instanceof PatrolConflict) return new ApiError('conflict', err.message);
  return err;
}

/**
 * Patrol orders under /api/patrols: anyone who reads the map sees them; the desk (incidents:manage)
 * plans and cancels them. Screens hear of every change through the live feed.
 */
export function patrolRouter({ patrols, audit }: { patrols: PatrolOrderService; audit: AuditLog }): Router {
  const router = Router();
  const json = jsonBody('64kb');

  router.get('/', requirePermission('map:read'), async (req, res) => {
    const { hours } = parseInput(ListQuery, req.query, 'the patrol order query');
    sendOk(res, await patrols.list(hours));
  });

  router.post('/', requirePermission('incidents:manage'), json, async (req, res) => {
    const input = parseInput(NewPatrolOrder, req.body, 'the patrol order');
    const actor = actorOf(req);
    let order;
    try {
      order = await patrols.create(input, actor);
    } catch (err) {
      throw asApiError(err);
    }
    await audit.record({
      actor,
      action: 'patrol.create',
      target: order.id,
      details: { unitId: order.unitId, title: order.title, startsAt: order.startsAt, endsAt: order.endsAt, checkpoints: order.checkpoints.length },
    });
    sendOk(res, order, 201);
  });

  router.get('/:id', requirePermission('map:read'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the patrol order id');
    const order = await patrols.get(id);
    if (!order) throw new ApiError('not_found', `no patrol order with id ${id}`);
    sendOk(res, order);
  });

  router.post('/:id/cancel', requirePermission('incidents:manage'), json, async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the patrol order id');
    const { reason } = parseInput(CancelPatrolOrder, req.body ?? {}, 'the cancellation');
    const actor = actorOf(req);
    let result;
    try {
      result = await patrols.cancel(id, actor);
    } catch (err) {
      throw asApiError(err);
    }
    if (result.changed) {
      await audit.record({ actor, action: 'patrol.cancel', target: id, details: { unitId: result.order.unitId, ...(reason ? { reason } : {}) } });
    }
    sendOk(res, result.order);
  });

  return router;
}
