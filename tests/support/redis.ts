import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './serverProcess.js';
import { alive, reapAbandoned } from './throwaway.js';

/**
 * A throwaway redis-server for a test: on a spare port of 127.0.0.1, nothing saved to disk, its
 * folder in a temporary directory, stopped by its PID at the end (or when the test process exits).
 */
export interface RedisServer {
  pid: number;
  port: number;
  url: string;
  stop(): Promise<void>;
}

const PREFIX = 'ops-redis-';

/** redis-server from REDIS_SERVER, Debian's /usr/bin, or PATH. */
export function findRedisServer(): string {
  if (process.env.REDIS_SERVER) {
    if (existsSync(process.env.REDIS_SERVER)) return process.env.REDIS_SERVER;
    throw new Error(`REDIS_SERVER=${process.env.REDIS_SERVER} is not a redis-server program`);
  }
  const candidates = ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)].map((dir) => join(dir, 'redis-server'));
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The several-node test needs Redis, and redis-server was not found in /usr/bin or on PATH. ' +
      'Install it (Debian: `apt-get install redis-server`, as .ci/run does) or set REDIS_SERVER to the program.',
  );
}

/** Folders left by a run that was killed outright: their redis-server stopped, the folder removed. */
function reapAbandonedServers(): void {
  reapAbandoned(PREFIX, (_dir, ownerFile) => {
    const server = Number(ownerFile.split(' ')[1]);
    if (server > 0 && alive(server) && readFileSync(`/proc/${server}/cmdline`, 'utf8').includes('redis-server')) process.kill(server, 'SIGKILL');
  });
}

/** Whether something answers PONG on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Starts redis-server on a spare port; resolves once it answers. */
export async function startRedis(): Promise<RedisServer> {
  const program = findRedisServer();
  reapAbandonedServers();
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const dir = mkdtempSync(join(tmpdir(), PREFIX));
    const port = await freePort();
    let output = '';
    const child = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const pid = child.pid;
    if (pid === undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start from ${program}`);
    }
    writeFileSync(join(dir, 'owner.pid'), `${process.pid} ${pid}`);
    const killNow = () => {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', killNow);
    const stop = async () => {
      process.off('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const gone = await Promise.race([exited(child).then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), 10_000)))]);
        clearTimeout(timer);
        if (!gone) {
          process.kill(pid, 'SIGKILL');
          await exited(child);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    };

    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      if (await ping(port)) return { pid, port, url: `redis://127.0.0.1:${port}`, stop };
      await new Promise((r) => setTimeout(r, 100));
    }
    lastError = output;
    const running = child.exitCode === null && child.signalCode === null;
    await stop();
    if (running) throw new Error(`redis-server did not answer within 15 s:\n${lastError}`);
    // Most likely another process took the port first: try another.
  }
  throw new Error(`redis-server would not start:\n${lastError}`);
}
