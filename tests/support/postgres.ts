import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../server/db/open.js';
import { freePort } from './serverProcess.js';
import { alive, reapAbandoned } from './throwaway.js';

/**
 * A throwaway PostgreSQL cluster for the test suite: `initdb` into a temporary folder, the server
 * on a spare port (and a Unix socket in that folder), stopped by its PID at the end. Each test
 * server gets a database of its own, copied from a template the migrations have already run on.
 */

/** What the PostgreSQL project's global setup hands to the test files (vitest provide/inject). */
export interface PostgresForTests {
  /** the `postgres` maintenance database, as the superuser: used to create and drop test databases */
  adminUrl: string;
  /** a database with every migration applied, copied for each test server */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres?: PostgresForTests;
  }
}

const PREFIX = 'ops-pg-';
const TEMPLATE = 'ops_template';

/** The folder with PostgreSQL's server programs: PG_BIN, Debian's /usr/lib/postgresql/<version>/bin, or PATH. */
export function findPostgresBin(): string {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  const candidates: string[] = [];
  if (process.env.PG_BIN) {
    if (has(process.env.PG_BIN)) return process.env.PG_BIN;
    throw new Error(`PG_BIN=${process.env.PG_BIN} does not hold PostgreSQL's initdb and postgres programs`);
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  const found = candidates.find(has);
  if (found) return found;
  throw new Error(
    'The test suite runs the server-side tests on PostgreSQL too, and PostgreSQL\'s server programs (initdb, postgres) ' +
      'were not found in /usr/lib/postgresql/<version>/bin or on PATH. Install PostgreSQL 15 (Debian: `apt-get install postgresql`, ' +
      'as .ci/run does), set PG_BIN to the folder that holds initdb, or run only the SQLite tests with `npx vitest run --project sqlite`.',
  );
}

/** PostgreSQL will not run as root: as root, the cluster runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('The tests run as root, and PostgreSQL refuses to: a `postgres` user is needed to run it as (Debian\'s postgresql package creates one).');
  }
}

/** The postmaster's PID from its data folder, if it is still that server running. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
    // The PID may have been reused since: only a postgres started on this folder is ours.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(dataDir) ? pid : null;
  } catch {
    return null;
  }
}

/** Clusters left by a run that was killed outright (its process gone): stopped and removed. */
function reapAbandonedClusters(): void {
  reapAbandoned(PREFIX, (dir) => {
    const pid = postmasterPid(join(dir, 'data'));
    if (pid) process.kill(pid, 'SIGQUIT');
  });
}

export interface PostgresCluster {
  pid: number;
  port: number;
  /** the URL of a database in this cluster, as the superuser */
  url(database: string): string;
  stop(): Promise<void>;
}

/** Starts a throwaway cluster; resolves once it takes connections. */
export async function startPostgresCluster(log: (line: string) => void = () => {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const user = runAs();
  reapAbandonedClusters();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  chmodSync(pwfile, 0o600);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  const asUser = { ...(user ?? {}), cwd: dir, env: { ...process.env, LC_ALL: 'C' } };
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb could not make a test cluster in ${data}: ${stderr || String(err)}`);
  }
  rmSync(pwfile);

  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const logFile = join(dir, 'postgres.log');
    const logFd = openSync(logFile, 'a');
    // A throwaway cluster: no fsync, so tests do not wait on the disk (acknowledged writes
    // still survive a crash of the server process, only not a power cut).
    const child: ChildProcess = spawn(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-h', '127.0.0.1',
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
      { ...asUser, stdio: ['ignore', logFd, logFd] },
    );
    closeSync(logFd);
    child.unref();
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const pid = child.pid;
    if (pid === undefined) throw new Error(`PostgreSQL did not start from ${bin}`);
    const url = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;

    // If the run is interrupted (Ctrl-C, a signal vitest turns into an exit), the cluster goes too.
    const killNow = () => {
      if (alive(pid)) process.kill(pid, 'SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', killNow);

    const stop = async () => {
      process.off('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGINT'); // fast shutdown: disconnects clients, no checkpoint wait for the disk
        let timer: NodeJS.Timeout | undefined;
        const gone = await Promise.race([exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), 15_000)))]);
        clearTimeout(timer);
        if (!gone) {
          process.kill(pid, 'SIGKILL');
          await exited;
        }
      }
      rmSync(dir, { recursive: true, force: true });
    };

    const deadline = Date.now() + 30_000;
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      const client = new pg.Client({ connectionString: url('postgres') });
      try {
        await client.connect();
        await client.end();
        ready = true;
        break;
      } catch {
        // not taking connections yet (a client that failed to connect needs no end())
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (ready) {
      log(`PostgreSQL test cluster (pid ${pid}) on 127.0.0.1:${port}, data in ${data}`);
      return { pid, port, url, stop };
    }
    lastError = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    if (child.exitCode === null && child.signalCode === null) {
      await stop();
      throw new Error(`PostgreSQL did not take connections within 30 s:\n${lastError}`);
    }
    process.off('exit', killNow);
    // Most likely another process took the port first: try another.
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL would not start:\n${lastError}`);
}

/** Creates the template database and runs every migration on it. */
export async function prepareTemplate(cluster: PostgresCluster): Promise<PostgresForTests> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(cluster.url(TEMPLATE), { poolSize: 1 });
  await db.destroy();
  return { adminUrl: cluster.url('postgres'), template: TEMPLATE };
}

// ---- in a test worker: a database per test server ----

let adminPool: pg.Pool | undefined;
let databases = 0;

function admin(postgres: PostgresForTests): pg.Pool {
  if (!adminPool) {
    adminPool = new pg.Pool({ connectionString: postgres.adminUrl, max: 1, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    // An idle connection cut when the cluster stops at the end of the run is of no concern.
    adminPool.on('error', () => undefined);
  }
  return adminPool;
}

/** A fresh database copied from the migrated template; `drop` removes it. */
export async function createTestDatabase(postgres: PostgresForTests): Promise<{ url: string; drop: () => Promise<void> }> {
  databases += 1;
  const name = `ops_test_${process.pid}_${databases}`;
  await admin(postgres).query(`CREATE DATABASE ${name} TEMPLATE ${postgres.template}`);
  const url = new URL(postgres.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // A closed pool's last connections may still be saying goodbye: PostgreSQL waits a few
      // seconds for them. Only a connection left open by mistake is cut off.
      try {
        await admin(postgres).query(`DROP DATABASE IF EXISTS ${name}`);
      } catch {
        await admin(postgres).query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  };
}
