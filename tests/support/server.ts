import { basename, dirname } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { UnitMirror, UnitsDelta, UnitsSnapshot, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/feed.js';
import type { UserRole } from '../../shared/auth.js';
import type { Unit, UnitRegistration } from '../../shared/units.js';
import { createApp, DEFAULT_APP_CONFIG, type App, type AppConfig } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import { systemClock } from '../../server/clock.js';
import { openPostgres, openSqlite, type Db, type StoreKind } from '../../server/db/open.js';
import { loadBasemapJson, loadMissionPack } from '../../server/pack.js';
import { createTestDatabase } from './postgres.js';

/** An HTTP client signed in as someone: sends the session cookie and the CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  get(path: string): Promise<{ status: number; body: unknown }>;
  send(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export interface TestServer {
  app: App;
  url: string;
  db: Db;
  /** the store this server runs on: SQLite, or PostgreSQL in the suite's PostgreSQL project */
  store: StoreKind;
  /**
   * The environment another process (`npm run admin`, `server/main.ts`) needs to open this same
   * store: DATABASE_URL under PostgreSQL, DATA_DIR for a SQLite file named ops.sqlite.
   */
  storeEnv(): Record<string, string>;
  /** A fresh account with the role, signed in over HTTP. */
  signIn(role: UserRole, options?: { sensitive?: boolean }): Promise<Client>;
  /** Registers units on the roster directly, as an administrator would. */
  register(units: UnitRegistration[]): Promise<void>;
  deviceToken(unitId: string): Promise<string>;
  close(): Promise<void>;
}

let accountCounter = 0;

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function clientFor(url: string, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    async get(path) {
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      return { status: res.status, body: await readBody(res) };
    },
    async send(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await readBody(res) };
    },
  };
}

/** Signs in over HTTP and returns the cookie and CSRF token the server handed out. */
export async function signInOverHttp(url: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { csrfToken: string } };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie || !body.data) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return clientFor(url, cookie, body.data.csrfToken);
}

/**
 * The store for one test server. In the suite's PostgreSQL project (vitest provides the
 * cluster), a fresh database copied from the migrated template; otherwise SQLite, in memory or
 * in the file at `storePath`.
 */
async function openTestStore(storePath: string | undefined): Promise<{ db: Db; store: StoreKind; env: () => Record<string, string>; drop: () => Promise<void> }> {
  const postgres = inject('postgres');
  if (postgres) {
    const database = await createTestDatabase(postgres);
    try {
      const db = await openPostgres(database.url, { poolSize: 4 });
      return { db, store: 'postgres', env: () => ({ DATABASE_URL: database.url }), drop: database.drop };
    } catch (err) {
      await database.drop();
      throw err;
    }
  }
  const db = await openSqlite(storePath ?? ':memory:');
  const env = () => {
    if (!storePath || basename(storePath) !== 'ops.sqlite') {
      throw new Error('this test server keeps its SQLite database in memory: start it with storePath: <folder>/ops.sqlite to share it with another process');
    }
    // DATABASE_URL emptied, so a developer's own setting does not send the other process elsewhere.
    return { DATA_DIR: dirname(storePath), DATABASE_URL: '' };
  };
  return { db, store: 'sqlite', env, drop: () => Promise.resolve() };
}

/**
 * A real server on a random port with a throwaway database: in-memory SQLite (or the SQLite file
 * at `storePath`), or a fresh PostgreSQL database when the suite runs on PostgreSQL.
 */
export async function startServer(
  options: { clock?: Clock; config?: Partial<AppConfig>; storePath?: string } = {},
): Promise<TestServer> {
  const store = await openTestStore(options.storePath);
  const db = store.db;
  const app = await createApp({
    db,
    clock: options.clock ?? systemClock,
    logger: pino({ level: 'silent' }),
    pack: await loadMissionPack(),
    basemapJson: await loadBasemapJson(),
    config: { ...DEFAULT_APP_CONFIG, tickMs: 100, loginsPerMinute: 1000, ...options.config },
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    db,
    store: store.store,
    storeEnv: store.env,
    async signIn(role, { sensitive = false } = {}) {
      accountCounter += 1;
      const username = `${role}${accountCounter}`;
      const password = `correct horse ${accountCounter} battery`;
      await app.accounts.createUser({ username, displayName: `Test ${role}`, role, sensitive, password }, 'test');
      return signInOverHttp(url, username, password);
    },
    register: (units) => app.tracker.register(units),
    async deviceToken(unitId) {
      return (await app.accounts.issueDeviceToken(unitId, 'test', 'test')).token;
    },
    async close() {
      await app.close();
      await db.destroy();
      await store.drop();
    },
  };
}

export type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const mirrors = new WeakMap<DashboardSocket, UnitMirror>();

/** A real dashboard connection with a session cookie, resolved once its snapshot has arrived. */
export async function connectDashboard(url: string, client: Pick<Client, 'cookie'>): Promise<DashboardSocket> {
  const socket: DashboardSocket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie: client.cookie },
  });
  const mirror = new UnitMirror();
  mirrors.set(socket, mirror);
  await new Promise<void>((resolve, reject) => {
    socket.once('units:snapshot', (raw) => {
      mirror.applySnapshot(UnitsSnapshot.parse(raw));
      resolve();
    });
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Decodes the dashboard's deltas as the browser does, and tells `listener` which units each
 * one changed, in full. Fails the listener's test if a delta arrives after a gap.
 */
export function onUnitChanges(socket: DashboardSocket, listener: (changed: Unit[], delta: UnitsDelta) => void): () => void {
  const mirror = mirrors.get(socket);
  if (!mirror) throw new Error('not a dashboard from connectDashboard');
  const handler = (raw: unknown) => {
    const delta = UnitsDelta.parse(raw);
    const { changed, gap } = mirror.applyDelta(delta);
    if (gap) throw new Error(`delta ${delta.seq} came after a gap (prev ${delta.prev})`);
    listener(changed, delta);
  };
  socket.on('units:delta', handler);
  return () => socket.off('units:delta', handler);
}

/** Posts JSON as a tracker with its device token. */
export async function postAsDevice(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await readBody(res) };
}

export const testUnit = (id: string, overrides: Partial<UnitRegistration> = {}): UnitRegistration => ({
  id,
  callsign: id.toUpperCase(),
  type: 'fpu-vehicle',
  fieldOffice: 'malakal',
  ...overrides,
});
