import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLIENT_DIST } from '../../scripts/client-build.js';
import { startServer, type TestServer } from '../support/server.js';

// The app is sent compressed at build time, brotli at its best, which on a 1 Mbit/s link is the
// difference between a first map in time or not. Needs the built client (not SKIP_CLIENT_BUILD).
const built = existsSync(join(CLIENT_DIST, 'index.html'));

describe.skipIf(!built)('the client files', () => {
  let server: TestServer;
  const assets = built ? readdirSync(join(CLIENT_DIST, 'assets')) : [];
  const main = assets.find((f) => /^index-.*\.js$/.test(f)) ?? 'missing';

  beforeAll(async () => {
    server = await startServer({ config: { clientDir: CLIENT_DIST } });
  });
  afterAll(() => server?.close());

  const get = (path: string, acceptEncoding: string) => fetch(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('sends the brotli copy made at build time to a browser that takes it, the same bytes once unpacked', async () => {
    const original = readFileSync(join(CLIENT_DIST, 'assets', main));
    // fetch would unpack it itself: read the raw body through the compressed length instead.
    const res = await get(`/assets/${main}`, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(Number(res.headers.get('content-length'))).toBe(readFileSync(join(CLIENT_DIST, 'assets', `${main}.br`)).length);
    expect(Number(res.headers.get('content-length'))).toBeLessThan(original.length * 0.3);
    expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(CLIENT_DIST, 'assets', `${main}.br`))).equals(original)).toBe(true);
  });

  it('is the production build, even when the test run built it', () => {
    // The suite builds the client under NODE_ENV=test; React's development build must not ship.
    const sources = z.object({ sources: z.array(z.string()) }).parse(JSON.parse(readFileSync(join(CLIENT_DIST, 'assets', `${main}.map`), 'utf8'))).sources;
    expect(sources.some((s) => s.includes('react-dom'))).toBe(true);
    expect(sources.filter((s) => /\.development\.js$/.test(s))).toEqual([]);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const original = readFileSync(join(CLIENT_DIST, 'assets', main));
    const gz = await get(`/assets/${main}`, 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(readFileSync(join(CLIENT_DIST, 'assets', `${main}.gz`))).equals(original)).toBe(true);
    const plain = await get(`/assets/${main}`, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(original.length);
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
  });

  it('still answers an address that is not a file with the app shell', async () => {
    const res = await get('/some/place/in/the/app', 'br');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
