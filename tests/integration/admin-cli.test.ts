import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { postAsDevice, signInOverHttp, startServer } from '../support/server.js';

const run = promisify(execFile);

it('adds a user from the command line who can then sign in to the running server', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-cli-'));
  const server = await startServer({ storePath: join(dataDir, 'ops.sqlite') });
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/admin.ts', 'add-user', 'joseph', '--role', 'operator', '--name', 'Joseph L'], {
      env: { ...process.env, ...server.storeEnv() },
    });
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    const joseph = await signInOverHttp(server.url, 'joseph', password ?? '');
    expect((await joseph.get('/api/auth/me')).body).toMatchObject({ data: { name: 'Joseph L', role: 'operator' } });

    const refused = await run('npx', ['tsx', 'scripts/admin.ts', 'set-role', 'joseph', 'wizard'], { env: { ...process.env, ...server.storeEnv() } }).catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('expected one of') });
  } finally {
    await server.close();
  }
});

it('puts a tracker on the roster from the command line, and the running server takes its positions', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-cli-'));
  const server = await startServer({ storePath: join(dataDir, 'ops.sqlite') });
  const env = { ...process.env, ...server.storeEnv() };
  try {
    await run('npx', ['tsx', 'scripts/admin.ts', 'add-unit', 'pib-fpu-9', '--callsign', 'PIB-FPU-9', '--type', 'fpu-vehicle', '--office', 'pibor'], { env });
    const { stdout } = await run('npx', ['tsx', 'scripts/admin.ts', 'issue-device-token', 'pib-fpu-9'], { env });
    const token = /^(dev_\S+)$/m.exec(stdout)?.[1] ?? '';
    const res = await postAsDevice(`${server.url}/api/positions`, token, { reports: [{ unitId: 'pib-fpu-9', time: Date.now(), lat: 6.8, lon: 33.13 }] });
    expect(res.status).toBe(200);
    expect(server.app.tracker.unit('pib-fpu-9')).toMatchObject({ callsign: 'PIB-FPU-9', status: 'live', last: { lat: 6.8 } });
  } finally {
    await server.close();
  }
});
