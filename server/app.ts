import compression from 'compression';
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { MissionPack } from '../shared/sites.js';
import type { Clock } from './clock.js';
import { DASHBOARD_ROOM, FeedHub, type FeedServer } from './feed/hub.js';
import { apiRouter, type ClientConfig } from './http/api.js';
import { errorHandler, sendOk } from './http/errors.js';
import type { Db } from './db/open.js';
import { KyselyTrackingStore } from './store/tracking.js';
import { Tracker } from './tracking/tracker.js';

export interface AppConfig {
  tickMs: number;
  staleAfterS: number;
  lostAfterS: number;
  tilesUrl?: string | undefined;
  /** folder of the built client; undefined or missing serves the API only */
  clientDir?: string | undefined;
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
  pack: MissionPack;
  basemapJson: string;
}

export interface App {
  http: HttpServer;
  io: FeedServer;
  tracker: Tracker;
  hub: FeedHub;
  /** Starts listening; port 0 picks a free one. Resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the whole server from its dependencies, without starting it. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { db, clock, config, logger } = deps;
  const tracker = await Tracker.load(new KyselyTrackingStore(db), clock, {
    staleAfterMs: config.staleAfterS * 1000,
    lostAfterMs: config.lostAfterS * 1000,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Commanders' laptops sit behind ~1 Mbit/s satellite links: every response goes out compressed.
  app.use(compression());

  app.get('/healthz', (_req, res) => sendOk(res, { status: 'ok', time: clock.now(), units: tracker.size }));

  const clientConfig: ClientConfig = {
    tickMs: config.tickMs,
    staleAfterS: config.staleAfterS,
    lostAfterS: config.lostAfterS,
    ...(config.tilesUrl ? { tilesUrl: config.tilesUrl } : {}),
  };
  app.use('/api', apiRouter({ tracker, clock, pack: deps.pack, basemapJson: deps.basemapJson, clientConfig }));

  const clientDir = config.clientDir ? resolve(config.clientDir) : undefined;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser; every other GET gets the app shell.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(join(clientDir, 'index.html'));
    });
  } else if (clientDir) {
    logger.warn({ clientDir }, 'no built client found; serving the API only (run `npm run build`)');
  }

  app.use(errorHandler(logger));

  const http = createServer(app);
  const io: FeedServer = new Server(http, { serveClient: false, maxHttpBufferSize: 1e6 });
  const hub = new FeedHub(io, tracker, clock, config.tickMs);

  io.on('connection', (socket) => {
    void socket.join(DASHBOARD_ROOM);
    socket.emit('units:snapshot', hub.snapshot());
    socket.on('units:resync', (ack) => {
      if (typeof ack === 'function') ack(hub.snapshot());
    });
  });

  hub.start();

  return {
    http,
    io,
    tracker,
    hub,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolveListen, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          const { port: actual } = http.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolveListen(`http://${shownHost}:${actual}`);
        });
      });
    },
    async close() {
      hub.stop();
      await io.close();
      if (http.listening) await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
