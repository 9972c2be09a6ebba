import { join } from 'node:path';
import { pino } from 'pino';
import { systemClock } from './clock.js';
import { createApp } from './app.js';
import { parseEnv } from './env.js';
import { loadBasemapJson, loadMissionPack } from './pack.js';
import { Simulator } from './simulator/simulator.js';
import { openSqlite } from './db/open.js';
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
  const db = await openSqlite(join(env.DATA_DIR, 'ops.sqlite'));
  const app = await createApp({
    db,
    clock: systemClock,
    logger,
    pack,
    basemapJson,
    config: {
      tickMs: env.TICK_MS,
      staleAfterS: env.STALE_AFTER_S,
      lostAfterS: env.LOST_AFTER_S,
      tilesUrl: env.BASEMAP_TILES_URL,
      clientDir: env.CLIENT_DIR || undefined,
    },
  });
  const url = await app.listen(env.PORT, env.HOST);
  logger.info({ url, dataDir: env.DATA_DIR }, `operations map at ${url}`);

  const historyMs = env.HISTORY_DAYS * 24 * 3600 * 1000;
  const prune = setInterval(() => {
    new KyselyTrackingStore(db)
      .pruneHistory(systemClock.now() - historyMs)
      .then((n) => n > 0 && logger.info({ pruned: n }, 'pruned old position history'))
      .catch((err: unknown) => logger.error({ err }, 'pruning history failed'));
  }, 3600_000);
  prune.unref();

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
    await simulator.start();
  }

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    simulator?.stop();
    clearInterval(prune);
    await app.close();
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
