import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { CLIENT_DIST } from '../../scripts/client-build.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The real server entry (`server/main.ts`) in its own process, as `npm start` runs it. */
export interface ServerProcess {
  url: string;
  port: number;
  /** what the process wrote to stderr, for a failing test to show */
  stderr(): string;
  /** Stops the process (SIGTERM: it shuts down as on a restart) and waits until it has gone. */
  stop(): Promise<void>;
  /** the process id */
  pid: number;
  /** Kills the process outright (SIGKILL: as a crash or a power cut would) and waits until it has gone. */
  kill(): Promise<void>;
}

/** A TCP port nobody listens on at this moment. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? done(port) : fail(new Error('no free port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/**
 * Starts `server/main.ts` on `port` with its database in `dataDir`, the built client, no
 * simulator and no CoT or OsmAnd listeners; resolves once it answers /healthz. Starting it again
 * with the same port and folder is a server restart.
 */
export async function startServerProcess(options: { port: number; dataDir: string; adminPassword: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      // The database in dataDir, whatever DATABASE_URL the developer's shell has.
      DATABASE_URL: '',
      CLIENT_DIR: CLIENT_DIST,
      ADMIN_PASSWORD: options.adminPassword,
      SIMULATOR: 'off',
      OSMAND_PORT: 'off',
      COT_PORT: 'off',
      TICK_MS: '250',
      LOGINS_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // A server that does not go when asked is a fault of its own: say so, with its log, rather
    // than leave the test waiting for its own time limit.
    const gone = await Promise.race([exited(child).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 30_000))]);
    if (!gone) {
      child.kill('SIGKILL');
      await exited(child);
      throw new Error(`the server did not stop within 30 s of SIGTERM (killed):\n${stderr}`);
    }
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start-up (exit ${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer at ${url} within 90 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  };
  return { url, port: options.port, stderr: () => stderr, stop, pid: child.pid ?? 0, kill };
}
