import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { freePort } from '../../tests/support/serverProcess.js';
import { stopProcess, track } from './children.js';
import { waitForHealth } from './http.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const MEMORY_REPORT = join(import.meta.dirname, 'memory-report.ts');

/** The real server entry (`server/main.ts`) in its own process, with its process id for measuring it. */
export interface BenchServer {
  url: string;
  pid: number;
  stderr(): string;
  stop(): Promise<void>;
  /**
   * The server's own memory figures, heap after a full collection (started with `reportMemory`
   * only: bench/support/memory-report.ts answers in the server process).
   */
  memory(): Promise<ServerMemory>;
}

const ServerMemory = z.object({
  type: z.literal('memory'),
  rss: z.number(),
  heapUsed: z.number(),
  heapTotal: z.number(),
  external: z.number(),
  arrayBuffers: z.number(),
  collected: z.boolean(),
});
export type ServerMemory = z.infer<typeof ServerMemory>;

/**
 * Starts `server/main.ts` as `npm start` runs it, with its SQLite database in `dataDir`, no
 * simulator and no CoT or OsmAnd listeners, and `env` over that; resolves once /healthz answers.
 */
export async function startServerMain(options: { dataDir: string; adminPassword: string; env?: Record<string, string>; reportMemory?: boolean }): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stderr = '';
  const child = track(
    spawn(process.execPath, [...(options.reportMemory ? ['--expose-gc', '--import', 'tsx', '--import', MEMORY_REPORT] : ['--import', 'tsx']), 'server/main.ts'], {
      cwd: ROOT,
      stdio: options.reportMemory ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
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
  const memory = async (): Promise<ServerMemory> => {
    if (!options.reportMemory || !child.connected) throw new Error('this server was not started with reportMemory, or has gone');
    return new Promise<ServerMemory>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error('the server did not report its memory within 30 s'));
      }, 30_000);
      const onMessage = (raw: unknown) => {
        const parsed = ServerMemory.safeParse(raw);
        if (!parsed.success) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(parsed.data);
      };
      child.on('message', onMessage);
      child.send({ type: 'memory' });
    });
  };
  return { url, pid, stderr: () => stderr, stop: () => stopProcess(child), memory };
}
