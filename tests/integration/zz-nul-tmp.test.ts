import { it } from 'vitest';
import { startServer } from '../support/server.js';

it('nul in text', async () => {
  const server = await startServer();
  const admin = await server.signIn('admin');
  const res = await admin.send('POST', '/api/incidents', { category: 'cattle-raiding', severity: 3, title: 'Herd\u0000 taken', location: { lat: 7.6, lon: 28.4 } });
  console.log(server.store, res.status, JSON.stringify(res.body).slice(0, 300));
  const res2 = await admin.send('POST', '/api/admin/users', { username: 'nul', displayName: 'A\u0000B', role: 'viewer' });
  console.log(server.store, res2.status, JSON.stringify(res2.body).slice(0, 300));
  await server.close();
});
