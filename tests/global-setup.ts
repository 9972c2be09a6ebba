import { ensureClientBuilt } from '../scripts/client-build.js';

// Browser tests serve the built client; build it once before any test file runs.
// SKIP_CLIENT_BUILD=1 skips it when only server-side tests are being run.
export default async function setup(): Promise<void> {
  if (process.env.SKIP_CLIENT_BUILD === '1') return;
  await ensureClientBuilt((line) => process.stdout.write(`${line}\n`));
}
