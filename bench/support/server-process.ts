import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../tests/support/serverProcess.js';
import { stopProcess, track } from './children.js';
import { waitForHealth } from './http.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The real server entry (`server/main.ts`) in its own process, with its process id for measuring it. */
export interface BenchServer {
  url: string;
  pid: number;
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts `server/main.ts` as `npm start` runs it, with its SQLite database in `dataDir`, no
 * simulator and no CoT or OsmAnd listeners, and `env` over that; resolves once /healthz answers.
 */
export async function startServerMain(options: { dataDir: string; adminPassword: string; env?: Record<string, string> }): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stderr = '';
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        DATABASE_URL: '',
        ADMIN_PASSWORD: options.adminPassword,
        SIMULATOR: 'off',
        OSMAND_PORT: 'off',
        COT_PORT: 'off',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    }),
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  try {
    await waitForHealth(url, 120_000, () => child.exitCode === null, () => stderr);
  } catch (err) {
    await stopProcess(child);
    throw err;
  }
  return { url, pid, stderr: () => stderr, stop: () => stopProcess(child) };
}
