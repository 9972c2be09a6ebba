import { pino } from 'pino';
import { systemClock } from './clock.js';
import { createApp } from './app.js';
import { defaultNodeId, joinCluster, soleNode, type ClusterNode } from './cluster/node.js';
import { describeDatabase, openDatabase } from './db/open.js';
import { parseEnv, trackingPolicyFrom } from './env.js';
import { deadlinesFrom } from './alerts/deadlines.js';
import { CotListener, networkList } from './ingest/cot-listener.js';
import { loadBasemapJson, loadMissionPack } from './pack.js';
import { provisionSimulator } from './simulator/provision.js';
import { Simulator } from './simulator/simulator.js';
import { KyselyTrackingStore } from './store/tracking.js';

/** Start-up wiring: the one place that reads the environment and the disk. */
async function main(): Promise<void> {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(2);
  }
  const env = parsed.env;
  const logger = pino({ level: env.LOG_LEVEL });

  const pack = await loadMissionPack();
  const basemapJson = await loadBasemapJson();
  const db = await openDatabase(env, {
    onConnectionError: (err) => logger.warn({ err }, 'a connection to PostgreSQL broke; another will be opened'),
  });
  const nodeId = env.NODE_ID ?? defaultNodeId();
  let cluster: ClusterNode;
  if (env.REDIS_URL && env.DATABASE_URL) {
    try {
      cluster = await joinCluster({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, nodeId, logger });
    } catch (err) {
      await db.destroy();
      throw err;
    }
    logger.info({ node: nodeId }, 'several server nodes: this one shares its database and Redis with the others');
  } else {
    cluster = soleNode(nodeId);
  }
  const app = await createApp({
    db,
    cluster,
    clock: systemClock,
    logger,
    pack,
    basemapJson,
    config: {
      tickMs: env.TICK_MS,
      tracking: trackingPolicyFrom(env),
      tilesUrl: env.BASEMAP_TILES_URL,
      clientDir: env.CLIENT_DIR || undefined,
      secureCookies: env.SECURE_COOKIES,
      loginsPerMinute: env.LOGINS_PER_MINUTE,
      ingestPerMinute: env.INGEST_PER_MINUTE,
      maxBodyBytes: Math.round(env.MAX_BODY_MB * 1024 * 1024),
      deadlines: deadlinesFrom(env.DEADLINES),
      // Replay cannot show what pruning has removed.
      replayHours: Math.min(env.REPLAY_HOURS, env.HISTORY_DAYS * 24),
    },
  });

  const firstAdmin = await app.accounts.ensureFirstAdmin(env.ADMIN_PASSWORD);
  if (firstAdmin && !env.ADMIN_PASSWORD) {
    // Shown once and never stored in clear: whoever starts the server first writes it down.
    process.stdout.write(
      `\n  First start: an administrator account was created.\n` +
        `    username: ${firstAdmin.username}\n    password: ${firstAdmin.password}\n` +
        `  It is shown only this once: keep it safe. To set another, run \`npm run admin -- reset-password admin --password '…'\`.\n\n`,
    );
  }

  const url = await app.listen(env.PORT, env.HOST);
  logger.info({ url, database: describeDatabase(env) }, `operations map at ${url}`);
  if (env.OSMAND_PORT !== 'off') {
    const osmandUrl = await app.listenOsmAnd(env.OSMAND_PORT, env.HOST);
    logger.info({ url: osmandUrl }, `OsmAnd / Traccar Client trackers report to ${osmandUrl}/<device token>`);
  }

  let cot: CotListener | undefined;
  if (env.COT_PORT !== 'off') {
    cot = new CotListener({ tracker: app.tracker, logger: logger.child({ part: 'cot' }), allow: networkList(env.COT_ALLOW) });
    const tcp = await cot.listenTcp(env.COT_PORT, env.HOST);
    const udp = await cot.listenUdp(env.COT_PORT, env.HOST);
    logger.info({ tcp, udp, allow: env.COT_ALLOW }, `Cursor on Target over TCP and UDP on port ${tcp}`);
  }

  const historyMs = env.HISTORY_DAYS * 24 * 3600 * 1000;
  const housekeeping = setInterval(() => {
    // With several nodes, the leading one prunes for all.
    if (!app.node.leadership.leading()) return;
    new KyselyTrackingStore(db)
      .pruneHistory(systemClock.now() - historyMs)
      .then((n) => n > 0 && logger.info({ pruned: n }, 'pruned old position history'))
      .catch((err: unknown) => logger.error({ err }, 'pruning history failed'));
    app.accounts.pruneSessions().catch((err: unknown) => logger.error({ err }, 'pruning sessions failed'));
  }, 3600_000);
  housekeeping.unref();

  let simulator: Simulator | undefined;
  if (env.SIMULATOR) {
    const port = new URL(url).port;
    simulator = new Simulator({
      baseUrl: `http://127.0.0.1:${port}`,
      pack,
      seed: env.SIMULATOR_SEED,
      units: env.SIMULATOR_UNITS,
      clock: systemClock,
      logger: logger.child({ part: 'simulator' }),
    });
    await simulator.start(provisionSimulator(app.tracker, app.accounts));
  }

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    simulator?.stop();
    clearInterval(housekeeping);
    await cot?.close();
    await app.close();
    await cluster.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`The server could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
