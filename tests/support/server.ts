import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/feed.js';
import type { UnitRegistration } from '../../shared/units.js';
import { createApp, type App, type AppConfig } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import { loadBasemapJson, loadMissionPack } from '../../server/pack.js';
import { openSqlite, type Db } from '../../server/db/open.js';
import { systemClock } from '../../server/clock.js';

export interface TestServer {
  app: App;
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** A real server on a random port with a throwaway in-memory store. */
export async function startServer(
  options: { clock?: Clock; config?: Partial<AppConfig>; storePath?: string } = {},
): Promise<TestServer> {
  const db = await openSqlite(options.storePath ?? ':memory:');
  const app = await createApp({
    db,
    clock: options.clock ?? systemClock,
    logger: pino({ level: 'silent' }),
    pack: await loadMissionPack(),
    basemapJson: await loadBasemapJson(),
    config: { tickMs: 100, staleAfterS: 180, lostAfterS: 900, ...options.config },
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    db,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real dashboard connection, resolved once its snapshot has arrived. */
export async function connectDashboard(url: string): Promise<DashboardSocket> {
  const socket: DashboardSocket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('units:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

export const testUnit = (id: string, overrides: Partial<UnitRegistration> = {}): UnitRegistration => ({
  id,
  callsign: id.toUpperCase(),
  type: 'fpu-vehicle',
  fieldOffice: 'malakal',
  ...overrides,
});
