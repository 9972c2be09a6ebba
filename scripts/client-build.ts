import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = ['client', 'shared', 'geo', 'vite.config.ts', 'package-lock.json'];
export const CLIENT_DIST = join(ROOT, 'dist', 'client');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds the client unless dist/client is newer than every source it comes from. */
export async function ensureClientBuilt(log: (line: string) => void = console.log): Promise<void> {
  const index = join(CLIENT_DIST, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (builtAt > sourcesAt) return;
  log('Building the client (first start or sources changed)…');
  // Always the production build, whoever asks: inside the test runner NODE_ENV is "test", and
  // Vite would then bundle React's development build (twice the size, and slower).
  const asked = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (asked === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = asked;
  }
}
