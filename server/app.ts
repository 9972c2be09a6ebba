import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import express from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { IncidentRecord } from '../shared/incidents.js';
import type { MissionPack } from '../shared/sites.js';
import { AlertService } from './alerts/service.js';
import { alertOnUnitTransitions } from './alerts/unit-alerts.js';
import { DEFAULT_EARLY_WARNING, EarlyWarning } from './alerts/early-warning.js';
import { DEFAULT_DEADLINES, DeadlineWatcher, type DeadlinePolicy } from './alerts/deadlines.js';
import { buildSiteIndex } from '../geo/rules/index.js';
import { AccountService } from './auth/accounts.js';
import { AuditLog } from './audit/audit-log.js';
import type { Clock } from './clock.js';
import type { Db } from './db/open.js';
import { DASHBOARD_ROOM, FeedHub, type FeedServer } from './feed/hub.js';
import { answerClientEvents } from './feed/client-events.js';
import { IncidentFeed, NEED_TO_KNOW_ROOM, RESTRICTED_ROOM } from './feed/incidents.js';
import { adminRouter } from './http/admin-routes.js';
import { alertRouter } from './http/alert-routes.js';
import type { ClientConfig } from '../shared/config.js';
import { apiRouter } from './http/api.js';
import { authenticate, principalOf, sessionTokenFrom } from './http/auth.js';
import { authRouter, wallRouter } from './http/auth-routes.js';
import { errorHandler, sendError, sendOk } from './http/errors.js';
import { incidentRouter } from './http/incident-routes.js';
import { patrolRouter } from './http/patrol-routes.js';
import { exportRouter } from './http/export-routes.js';
import { replayRouter } from './http/replay-routes.js';
import { ReplayService } from './replay/service.js';
import { DEFAULT_REPLAY_HOURS } from '../shared/replay.js';
import { PatrolOrderService } from './patrols/service.js';
import { PatrolWatcher } from './patrols/watcher.js';
import { IncidentService } from './incidents/service.js';
import { ARRIVAL_RADIUS_M, ArrivalWatcher } from './incidents/arrivals.js';
import { followCluster } from './cluster/follow.js';
import { soleNode, type ClusterNode } from './cluster/node.js';
import { osmandRouter } from './ingest/osmand-routes.js';
import { summarise } from './incidents/redaction.js';
import { KyselyTrackingStore } from './store/tracking.js';
import { Tracker } from './tracking/tracker.js';
import { DEFAULT_POLICY, type TrackingPolicy } from './tracking/status.js';

export interface AppConfig {
  tickMs: number;
  tracking: TrackingPolicy;
  tilesUrl?: string | undefined;
  /** folder of the built client; undefined or missing serves the API only */
  clientDir?: string | undefined;
  /** send cookies only over HTTPS (set when a TLS proxy is in front) */
  secureCookies: boolean;
  loginsPerMinute: number;
  /** position requests per device (or person) per minute */
  ingestPerMinute: number;
  maxBodyBytes: number;
  /** how long incidents may wait for verification or a patrol, and alerts for acknowledgement */
  deadlines: DeadlinePolicy;
  /** how far back replay reaches, hours (REPLAY_HOURS); 24 when not given */
  replayHours?: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  tickMs: 200,
  tracking: DEFAULT_POLICY,
  secureCookies: false,
  loginsPerMinute: 10,
  ingestPerMinute: 600,
  maxBodyBytes: 8 * 1024 * 1024,
  deadlines: DEFAULT_DEADLINES,
};

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
  pack: MissionPack;
  basemapJson: string;
  /** this node among others sharing the database and Redis (REDIS_URL); a node of its own when left out */
  cluster?: ClusterNode;
}

export interface App {
  http: HttpServer;
  io: FeedServer;
  tracker: Tracker;
  hub: FeedHub;
  accounts: AccountService;
  audit: AuditLog;
  incidents: IncidentService;
  alerts: AlertService;
  deadlines: DeadlineWatcher;
  patrols: PatrolOrderService;
  /** follows patrols against their orders; `check()` moves orders on with the clock */
  patrolWatcher: PatrolWatcher;
  /** this server node: its id, and whether it runs the work that runs once */
  node: ClusterNode;
  /** Starts listening; port 0 picks a free one. Resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** The OsmAnd / Traccar Client protocol on its own port (Traccar's 5055), as trackers expect it. */
  listenOsmAnd(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

function secondsThresholds(policy: TrackingPolicy): ClientConfig['thresholds'] {
  const seconds = (t: { staleAfterMs: number; lostAfterMs: number }) => ({ staleAfterS: t.staleAfterMs / 1000, lostAfterS: t.lostAfterMs / 1000 });
  const t = policy.thresholds;
  return {
    'fpu-vehicle': seconds(t['fpu-vehicle']),
    'ipo-foot': seconds(t['ipo-foot']),
    'joint-patrol': seconds(t['joint-patrol']),
    'static-post': seconds(t['static-post']),
  };
}

/** Builds the whole server from its dependencies, without starting it. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { db, clock, config, logger } = deps;
  const node = deps.cluster ?? soleNode();
  // With several nodes, the work that must run once runs on the leading node only.
  const leading = () => node.leadership.leading();
  const tracker = await Tracker.load(new KyselyTrackingStore(db), clock, config.tracking);
  const audit = new AuditLog(db, clock);
  const accounts = new AccountService(db, clock, audit);
  const siteIndex = buildSiteIndex(deps.pack);
  const incidents = new IncidentService(db, clock, deps.pack.fieldOffices.features, siteIndex);
  const alerts = new AlertService(db, clock);
  let incidentFeedRef: IncidentFeed | undefined;
  const unitAlerts = alertOnUnitTransitions(tracker, alerts, logger, async (unit) => {
    if (!unit.last) return null;
    const record = await incidents.create(
      {
        category: 'threat-to-un',
        severity: 4,
        title: `SOS from ${unit.callsign}`,
        description: 'Opened by the patrol’s tracker (SOS).',
        location: { lat: unit.last.lat, lon: unit.last.lon },
        occurredAt: unit.last.time,
        protected: false,
        victims: [],
        witnesses: [],
      },
      `device:${unit.id}`,
    );
    await audit.record({ actor: `device:${unit.id}`, action: 'incident.create', target: record.id, details: { category: record.category, severity: record.severity, from: 'sos' } });
    incidentFeedRef?.publish('incident:created', record);
    return record.id;
  }, leading);
  const deadlines = new DeadlineWatcher(incidents, alerts, clock, logger, config.deadlines);
  const earlyWarning = new EarlyWarning(siteIndex, alerts, tracker, clock, logger, DEFAULT_EARLY_WARNING, leading);
  const patrols = new PatrolOrderService(db, clock, alerts, tracker, deps.pack.fieldOffices.features, logger);
  await patrols.load();
  const patrolWatcher = new PatrolWatcher(patrols, tracker, clock, logger, leading);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // MapLibre runs its tile worker from a blob: URL.
          'worker-src': ["'self'", 'blob:'],
          'child-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:', ...(config.tilesUrl ? [new URL(config.tilesUrl).origin] : [])],
          'connect-src': ["'self'", ...(config.tilesUrl ? [new URL(config.tilesUrl).origin] : [])],
          'style-src': ["'self'"],
          'font-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      // The app is served over plain HTTP on a LAN as often as behind TLS.
      strictTransportSecurity: config.secureCookies,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Commanders' laptops sit behind ~1 Mbit/s satellite links: every response goes out compressed.
  app.use(compression());

  app.get('/healthz', (_req, res) =>
    sendOk(res, { status: 'ok', time: clock.now(), node: { id: node.nodeId, clustered: node.clustered, leading: node.leadership.leading() } }),
  );
  app.use(authenticate(accounts));

  const http = createServer(app);
  const io: FeedServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 1e5,
    // With several nodes, broadcasts (incidents, alerts, patrol orders) reach every node's screens.
    ...(node.adapter ? { adapter: node.adapter } : {}),
    // Only pages served from this server may open the feed (no cross-site WebSocket hijacking).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      // Browsers send `Origin: null` from sandboxed frames and files: refused, never thrown on.
      if (origin === undefined || (host !== undefined && URL.canParse(origin) && new URL(origin).host === host)) callback(null, true);
      else callback(`the live feed opens only from pages of this server, not from origin ${JSON.stringify(origin.slice(0, 100))}`, false);
    },
  });

  const incidentFeed = new IncidentFeed(io);
  incidentFeedRef = incidentFeed;
  const thresholds = Object.values(config.tracking.thresholds);
  const clientConfig: ClientConfig = {
    tickMs: config.tickMs,
    staleAfterS: Math.min(...thresholds.map((t) => t.staleAfterMs)) / 1000,
    lostAfterS: Math.min(...thresholds.map((t) => t.lostAfterMs)) / 1000,
    thresholds: secondsThresholds(config.tracking),
    ...(config.tilesUrl ? { tilesUrl: config.tilesUrl } : {}),
  };
  const authOptions = { accounts, secureCookies: config.secureCookies, loginsPerMinute: config.loginsPerMinute };
  const ingestLimiter = rateLimit({
    windowMs: 60_000,
    limit: config.ingestPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => principalOf(req)?.actor ?? ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) => sendError(res, { code: 'rate_limited', message: 'too many position requests; slow down or send batches' }),
  });

  /** Ends this node's live connections whose session was revoked (disabled user, new role, revoked link). */
  const revalidateSockets = async () => {
    for (const socket of await io.local.fetchSockets()) {
      const still = await accounts.sessionByHash(socket.data.principal.sessionHash);
      if (!still) socket.disconnect(true);
    }
  };

  app.use('/api/auth', authRouter(authOptions));
  const onSessionsRevoked = () => {
    node.bus.publish({ type: 'sessions:revoked' });
    revalidateSockets().catch((err: unknown) => logger.error({ err }, 'could not re-check live sessions'));
  };
  app.use('/api/admin', adminRouter({ accounts, audit, onSessionsRevoked }));
  const onIncidentChanged = (record: IncidentRecord) => {
    earlyWarning.onIncident(record).catch((err: unknown) => logger.error({ err, incidentId: record.id }, 'early-warning rules failed'));
  };
  const arrivals = new ArrivalWatcher(tracker, incidents, (record) => incidentFeed.publish('incident:updated', record), logger, ARRIVAL_RADIUS_M, leading);
  await arrivals.load();
  const onAssigned = (record: IncidentRecord, unitIds: readonly string[]) => {
    for (const unitId of unitIds) {
      arrivals.expect(unitId, { incidentId: record.id, lat: record.location.lat, lon: record.location.lon });
      node.bus.publish({ type: 'arrival:expected', unitId, incidentId: record.id, lat: record.location.lat, lon: record.location.lon });
    }
  };
  const onActedOn = (record: IncidentRecord) => {
    deadlines.settle(record).catch((err: unknown) => logger.error({ err, incidentId: record.id }, 'could not settle deadline alerts'));
  };
  app.use('/api/incidents', incidentRouter({ incidents, feed: incidentFeed, audit, onIncidentChanged, tracker, onAssigned, onActedOn }));
  app.use('/api/alerts', alertRouter({ alerts, audit }));
  app.use('/api/patrols', patrolRouter({ patrols, audit }));
  app.use('/api/export', exportRouter({ incidents, tracker, audit, clock }));
  const replay = new ReplayService(db, clock, { hours: config.replayHours ?? DEFAULT_REPLAY_HOURS, tracking: config.tracking, offices: deps.pack.fieldOffices.features, sites: siteIndex });
  app.use('/api/replay', replayRouter({ replay }));
  app.use(
    '/api',
    apiRouter({ tracker, clock, pack: deps.pack, basemapJson: deps.basemapJson, clientConfig, maxBodyBytes: config.maxBodyBytes, audit, ingestLimiter }),
  );
  const osmand = osmandRouter({ tracker, accounts, clock, perMinute: config.ingestPerMinute });
  app.use('/osmand', osmand);
  app.use(wallRouter(authOptions));

  const clientDir = config.clientDir ? resolve(config.clientDir) : undefined;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    // The offline worker (client/offline/sw.ts) is re-checked on every visit, so a new build
    // replaces the offline copy of the app at once; static files keep their hour otherwise.
    app.get('/sw.js', (_req, res, next) => {
      res.set('Cache-Control', 'no-cache');
      next();
    });
    // Brotli or gzip copies made at build time (vite.config.ts) when the browser takes them.
    app.use(expressStaticGzip(clientDir, { index: false, enableBrotli: true, orderPreference: ['br', 'gzip'], serveStatic: { index: false, maxAge: '1h' } }));
    // The client routes in the browser; every other GET gets the app shell (which holds no data).
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(join(clientDir, 'index.html'));
    });
  } else if (clientDir) {
    logger.warn({ clientDir }, 'no built client found; serving the API only (run `npm run build`)');
  }

  app.use(errorHandler(logger));

  const hub = new FeedHub(io, tracker, clock, config.tickMs);
  // Alerts are never dropped or merged: every screen gets every one, as it happens.
  const stopAlertFeed = alerts.onChange((event, alert) => io.to(DASHBOARD_ROOM).emit(event, alert));
  // So are patrol orders, each sent once it is committed (walls included: orders hold nothing need-to-know).
  const stopPatrolFeed = patrols.onChange((order) => io.to(DASHBOARD_ROOM).emit('patrol:updated', order));

  // Nobody reaches the feed without a session that may read the map.
  io.use((socket, next) => {
    const token = sessionTokenFrom(socket.handshake.headers.cookie);
    (token ? accounts.session(token) : Promise.resolve(null))
      .then((principal) => {
        if (!principal) return next(new Error('unauthenticated'));
        if (!principal.permissions.has('map:read')) return next(new Error('forbidden'));
        socket.data.principal = principal;
        next();
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'could not check a feed connection');
        next(new Error('internal'));
      });
  });

  io.on('connection', (socket) => {
    const needToKnow = socket.data.principal.permissions.has('incidents:read-sensitive');
    void socket.join([DASHBOARD_ROOM, needToKnow ? NEED_TO_KNOW_ROOM : RESTRICTED_ROOM]);
    hub.attach(socket);
    incidents
      .list()
      .then((records) => socket.emit('incidents:snapshot', { time: clock.now(), incidents: records.map((r) => summarise(r, needToKnow)) }))
      .catch((err: unknown) => logger.error({ err }, 'could not send the incident snapshot'));
    alerts
      .list()
      .then((list) => socket.emit('alerts:snapshot', { time: clock.now(), alerts: list }))
      .catch((err: unknown) => logger.error({ err }, 'could not send the alert snapshot'));
    patrols
      .list()
      .then((orders) => socket.emit('patrols:snapshot', { time: clock.now(), orders }))
      .catch((err: unknown) => logger.error({ err }, 'could not send the patrol order snapshot'));
    answerClientEvents(socket, () => hub.resync(socket));
  });

  hub.start();
  // Deadlines are minutes long: a check every few seconds is prompt enough and cheap.
  deadlines.start(Math.max(config.tickMs, 1_000), leading);
  // Patrol due times and return-by times are checked every tick.
  patrolWatcher.start(config.tickMs);
  // Revocations made elsewhere (the CLI, another node) reach live connections within half a minute.
  const recheck = setInterval(() => {
    revalidateSockets().catch((err: unknown) => logger.error({ err }, 'could not re-check live sessions'));
  }, 30_000);
  recheck.unref();
  const stopFollowing = followCluster({ node, tracker, patrols, arrivals, unitAlerts, deadlines, patrolWatcher, revalidateSockets, logger });
  await node.leadership.start();

  const osmandApp = express();
  osmandApp.disable('x-powered-by');
  osmandApp.set('trust proxy', 'loopback');
  osmandApp.use(osmand);
  osmandApp.use(errorHandler(logger));
  const osmandHttp = createServer(osmandApp);

  return {
    http,
    io,
    tracker,
    hub,
    accounts,
    audit,
    incidents,
    alerts,
    deadlines,
    patrols,
    patrolWatcher,
    node,
    listen: (port, host = '127.0.0.1') => listenOn(http, port, host),
    listenOsmAnd: (port, host = '127.0.0.1') => listenOn(osmandHttp, port, host),
    async close() {
      clearInterval(recheck);
      stopFollowing();
      unitAlerts.stop();
      earlyWarning.close();
      deadlines.close();
      arrivals.close();
      patrolWatcher.close();
      // Let a patrol change under way finish before the database goes.
      await patrols.exclusive(() => Promise.resolve());
      stopPatrolFeed();
      stopAlertFeed();
      hub.stop();
      await io.close();
      // Closing waits for every open connection; a screen retrying every 2 s keeps its keep-alive
      // connection busy for ever, so the open ones are ended too: the server is going.
      for (const server of [http, osmandHttp]) {
        if (!server.listening) continue;
        const closed = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await closed;
      }
    },
  };
}

function listenOn(server: HttpServer, port: number, host: string): Promise<string> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: actual } = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolveListen(`http://${shownHost}:${actual}`);
    });
  });
}
