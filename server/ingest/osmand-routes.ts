import express, { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { FieldIssue } from '../../shared/reply.js';
import type { AccountService } from '../auth/accounts.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';
import { flattenParams, parseOsmAnd, parseOsmAndJson } from './osmand.js';
import { ingestPositions } from './pipeline.js';
import { jsonBody } from '../http/json-body.js';

export interface OsmAndDeps {
  tracker: Tracker;
  accounts: AccountService;
  clock: Clock;
  /** requests per device token per minute */
  perMinute: number;
}

/** Parameters that name an object's prototype: refused, never merged into the position. */
const PROTOTYPE_KEY = /^(__proto__|constructor|prototype)(\[|\.|$)/;

const STATUS = { invalid_input: 400, unknown_unit: 400, forbidden: 403, unauthenticated: 401 } as const;

/** Traccar Client ignores the body; a person testing with curl reads it, so it says what was wrong. */
function refuse(res: Response, status: number, message: string, issues: readonly FieldIssue[] = []): void {
  const lines = [message, ...issues.map((i) => `  ${i.path}: ${i.message}`)];
  res.status(status).type('text/plain').send(`${lines.join('\n')}\n`);
}

function tokenOf(req: Request): string | undefined {
  const fromPath = typeof req.params.token === 'string' ? req.params.token : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
  return fromPath ?? bearer ?? fromQuery;
}

/**
 * The OsmAnd / Traccar Client protocol: one request per fix, GET or POST, query or form
 * parameters, or the JSON variant. The device token goes in the path of the server URL the
 * tracker is given (`http://server:5055/<token>`), in a Bearer header, or as `token=`.
 */
export function osmandRouter({ tracker, accounts, clock, perMinute }: OsmAndDeps): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => tokenOf(req) ?? ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) => refuse(res, 429, 'too many position requests from this device; slow down'),
  });
  const bodies = [express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }), jsonBody('4mb')];

  const handle = async (req: Request, res: Response) => {
    const token = tokenOf(req);
    if (!token) {
      refuse(res, 401, 'a device token is required: give the tracker the server URL http://<server>:5055/<device token>');
      return;
    }
    const device = await accounts.device(token);
    if (!device) {
      refuse(res, 401, 'the device token is unknown or has been revoked');
      return;
    }
    const body: unknown = req.body;
    const isJsonVariant = req.is('application/json') && typeof body === 'object' && body !== null && 'device_id' in body;
    let reports;
    if (isJsonVariant) {
      const parsed = parseOsmAndJson(body);
      if (!parsed.ok) return refuse(res, 400, 'the location JSON is not valid; nothing was stored', parsed.issues);
      reports = parsed.reports;
    } else {
      const form = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      const polluting = [...Object.keys(req.query), ...Object.keys(form)]
        .filter((key) => PROTOTYPE_KEY.test(key))
        .map((key) => ({ path: key.slice(0, 40), message: 'this parameter is not accepted (it names an object prototype)' }));
      const params = flattenParams({ ...req.query, ...form });
      delete params.token;
      const parsed = parseOsmAnd(params, clock.now());
      if (!parsed.ok || polluting.length > 0) return refuse(res, 400, 'the position is not valid; nothing was stored', [...polluting, ...(parsed.ok ? [] : parsed.issues)]);
      reports = [parsed.report];
    }
    const reply = await ingestPositions(tracker, { kind: 'device', unitId: device.unitId }, reports);
    if (!reply.ok) {
      const status = reply.code in STATUS ? STATUS[reply.code as keyof typeof STATUS] : 400;
      return refuse(res, status, reply.message, reply.issues);
    }
    const refused = reply.result.rejected;
    if (refused.length > 0 && refused.length === reports.length) {
      return refuse(res, 400, refused.map((r) => r.reason).join('; '));
    }
    res.status(200).type('text/plain').send('');
  };

  router.all(['/', '/:token'], limiter, ...bodies, (req, res, next) => {
    handle(req, res).catch(next);
  });
  return router;
}
