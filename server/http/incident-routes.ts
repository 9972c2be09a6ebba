import express, { Router } from 'express';
import { z } from 'zod';
import { AssignRequest, IncidentChange, IncidentReport, type IncidentRecord } from '../../shared/incidents.js';
import { rankPatrols } from '../incidents/dispatch.js';
import type { Tracker } from '../tracking/tracker.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { IncidentFeed } from '../feed/incidents.js';
import { IncidentConflict, IncidentNotFound, type IncidentService } from '../incidents/service.js';
import { redactEvent, summarise } from '../incidents/redaction.js';
import { actorOf, principalOf, requirePermission } from './auth.js';
import { ApiError, parseInput, sendOk } from './errors.js';
import { jsonBody } from './json-body.js';

export interface IncidentRouteOptions {
  incidents: IncidentService;
  feed: IncidentFeed;
  audit: AuditLog;
  /** after an incident is created or changed: the early-warning rules run on it */
  onIncidentChanged: (record: IncidentRecord) => void;
  tracker: Tracker;
  /** after patrols are assigned: their arrival is watched for */
  onAssigned: (record: IncidentRecord, unitIds: readonly string[]) => void;
  /** after any change by a person (status, details, assignment): deadlines are settled */
  onActedOn: (record: IncidentRecord) => void;
}

const IdParam = z.string().uuid('an incident id as the server issued it');

/** Incidents under /api/incidents: lists and live updates never carry victims or witnesses. */
export function incidentRouter({ incidents, feed, audit, onIncidentChanged, tracker, onAssigned, onActedOn }: IncidentRouteOptions): Router {
  const router = Router();
  const json = jsonBody('256kb');
  const needToKnow = (req: express.Request) => principalOf(req)?.permissions.has('incidents:read-sensitive') ?? false;

  router.get('/', requirePermission('map:read'), async (req, res) => {
    const ntk = needToKnow(req);
    sendOk(res, (await incidents.list()).map((r) => summarise(r, ntk)));
  });

  router.post('/', requirePermission('incidents:report'), json, async (req, res) => {
    const report = parseInput(IncidentReport, req.body, 'the incident report');
    const record = await incidents.create(report, actorOf(req));
    await audit.record({ actor: actorOf(req), action: 'incident.create', target: record.id, details: { category: record.category, severity: record.severity } });
    sendOk(res, summarise(record, needToKnow(req)), 201);
    feed.publish('incident:created', record);
    onIncidentChanged(record);
  });

  router.get('/:id', requirePermission('map:read'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the incident id');
    const record = await incidents.get(id);
    if (!record) throw new ApiError('not_found', `no incident with id ${id}`);
    if (!needToKnow(req)) {
      sendOk(res, summarise(record, false));
      return;
    }
    if (record.sensitive || record.victims.length > 0 || record.witnesses.length > 0) {
      await audit.record({ actor: actorOf(req), action: 'incident.read-sensitive', target: record.id });
    }
    sendOk(res, record);
  });

  router.patch('/:id', requirePermission('incidents:manage'), json, async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the incident id');
    const change = parseInput(IncidentChange, req.body, 'the incident change');
    let record;
    try {
      record = await incidents.update(id, change, actorOf(req));
    } catch (err) {
      if (err instanceof IncidentNotFound) throw new ApiError('not_found', err.message);
      if (err instanceof IncidentConflict) throw new ApiError('conflict', err.message);
      throw err;
    }
    await audit.record({ actor: actorOf(req), action: 'incident.update', target: id, details: { fields: Object.keys(change) } });
    sendOk(res, summarise(record, needToKnow(req)));
    feed.publish('incident:updated', record);
    onActedOn(record);
    if (change.location !== undefined || change.severity !== undefined || change.category !== undefined) onIncidentChanged(record);
  });

  router.get('/:id/dispatch', requirePermission('incidents:manage'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the incident id');
    const record = await incidents.get(id);
    if (!record) throw new ApiError('not_found', `no incident with id ${id}`);
    sendOk(res, rankPatrols(tracker.allUnits(), record.location));
  });

  router.post('/:id/assign', requirePermission('incidents:manage'), json, async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the incident id');
    const { unitIds } = parseInput(AssignRequest, req.body, 'the assignment');
    const unknown = unitIds.flatMap((u, i) => (tracker.has(u) ? [] : [{ path: `unitIds[${i}]`, message: `unknown unit "${u}"` }]));
    if (unknown.length > 0) throw new ApiError('invalid_input', 'the assignment names units that are not on the roster', unknown);
    let record;
    try {
      record = await incidents.assign(id, unitIds, actorOf(req));
    } catch (err) {
      if (err instanceof IncidentNotFound) throw new ApiError('not_found', err.message);
      if (err instanceof IncidentConflict) throw new ApiError('conflict', err.message);
      throw err;
    }
    for (const unitId of unitIds) await tracker.setActivity(unitId, 'responding');
    await audit.record({ actor: actorOf(req), action: 'incident.assign', target: id, details: { unitIds } });
    sendOk(res, summarise(record, needToKnow(req)));
    feed.publish('incident:updated', record);
    onAssigned(record, unitIds);
    onActedOn(record);
  });

  router.get('/:id/timeline', requirePermission('map:read'), async (req, res) => {
    const id = parseInput(IdParam, req.params.id, 'the incident id');
    const record = await incidents.get(id);
    if (!record) throw new ApiError('not_found', `no incident with id ${id}`);
    const ntk = needToKnow(req);
    sendOk(res, (await incidents.timeline(id)).map((e) => redactEvent(e, record.sensitive, ntk)));
  });

  return router;
}
