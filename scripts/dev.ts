import { spawn } from 'node:child_process';
import { createServer } from 'vite';

// `npm run dev`: the API server restarting on change, and Vite's dev server with hot reload
// in front of it (it proxies /api and /socket.io to the API server).
const api = spawn('npx', ['tsx', 'watch', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CLIENT_DIR: '' },
});
const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
vite.printUrls();

const stop = () => {
  api.kill('SIGTERM');
  void vite.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
api.once('exit', (code) => {
  if (code !== 0 && code !== null) process.stderr.write(`The API server stopped with code ${code}.\n`);
});
