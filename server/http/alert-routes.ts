import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { AlertNotFound, type AlertService } from '../alerts/service.js';
import { actorOf, requirePermission } from './auth.js';
import { ApiError, parseInput, sendOk } from './errors.js';

const IdParam = z.string().uuid('an alert id as the server issued it');

/** The shared alert queue under /api/alerts. */
export function alertRouter({ alerts, audit }: { alerts: AlertService; audit: AuditLog }): Router {
  const router = Router();

  router.get('/', requirePermission('map:read'), async (_req, res) => sendOk(res, await alerts.list()));

  router.post('/:id/acknowledge', requirePermission('alerts:ack'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the alert id');
    const actor = actorOf(req);
    try {
      const alert = await alerts.acknowledge(id, actor);
      await audit.record({ actor, action: 'alert.acknowledge', target: id, details: { kind: alert.kind, unitId: alert.unitId } });
      sendOk(res, alert);
    } catch (err) {
      if (err instanceof AlertNotFound) throw new ApiError('not_found', err.message);
      throw err;
    }
  });

  return router;
}
