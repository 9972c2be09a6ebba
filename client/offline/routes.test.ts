import { describe, expect, it } from 'vitest';
import { routeRequest } from './routes.js';

const ORIGIN = 'https://ops.unmiss.example';
const SHELL = new Set(['/index.html', '/assets/index-abc123.js', '/assets/index-def456.css', '/assets/maplibre-gl-worker-0a1b2c.mjs']);

const route = (path: string, method = 'GET', mode = 'cors', origin = ORIGIN) =>
  routeRequest({ url: new URL(path, origin), method, mode }, ORIGIN, SHELL);

describe('routeRequest', () => {
  it('keeps an offline copy of who is signed in, the settings, the mission pack and the base map only', () => {
    expect(route('/api/auth/me')).toEqual({ kind: 'offline-copy', path: '/api/auth/me' });
    expect(route('/api/config')).toEqual({ kind: 'offline-copy', path: '/api/config' });
    expect(route('/api/sites')).toEqual({ kind: 'offline-copy', path: '/api/sites' });
    expect(route('/api/basemap')).toEqual({ kind: 'offline-copy', path: '/api/basemap' });
  });

  it('never touches incidents (victims, witnesses), administration, alerts, positions or trails', () => {
    for (const path of [
      '/api/incidents',
      '/api/incidents/inc-42',
      '/api/incidents/inc-42/victims',
      '/api/admin/users',
      '/api/admin/audit.csv',
      '/api/alerts',
      '/api/units',
      '/api/units/fpu-1/track',
      '/api/trails?minutes=30',
      '/api/patrols',
    ]) {
      expect(route(path), path).toEqual({ kind: 'pass' });
    }
  });

  it('never touches the live feed, whatever the transport', () => {
    expect(route('/socket.io/?EIO=4&transport=polling&t=abc')).toEqual({ kind: 'pass' });
    expect(route('/socket.io/?EIO=4&transport=websocket&sid=x')).toEqual({ kind: 'pass' });
    expect(route('/socket.io/?EIO=4&transport=polling&sid=x', 'POST')).toEqual({ kind: 'pass' });
  });

  it('never caches a change; signing out passes through and throws the copy away', () => {
    expect(route('/api/auth/login', 'POST')).toEqual({ kind: 'pass' });
    expect(route('/api/incidents', 'POST')).toEqual({ kind: 'pass' });
    expect(route('/api/incidents/inc-42', 'PATCH')).toEqual({ kind: 'pass' });
    expect(route('/api/admin/users/u1', 'DELETE')).toEqual({ kind: 'pass' });
    expect(route('/api/sites', 'POST')).toEqual({ kind: 'pass' });
    expect(route('/api/auth/logout', 'POST')).toEqual({ kind: 'sign-out' });
  });

  it('does not answer a kept route asked with a query from the copy', () => {
    expect(route('/api/sites?fresh=1')).toEqual({ kind: 'pass' });
  });

  it('serves the app for its own addresses, but not for the server’s pages (wall links, the API)', () => {
    expect(route('/', 'GET', 'navigate')).toEqual({ kind: 'page' });
    expect(route('/?view=wall', 'GET', 'navigate')).toEqual({ kind: 'page' });
    expect(route('/admin/users', 'GET', 'navigate')).toEqual({ kind: 'page' });
    expect(route('/wall/abc123', 'GET', 'navigate')).toEqual({ kind: 'pass' });
    expect(route('/api/admin/audit.csv', 'GET', 'navigate')).toEqual({ kind: 'pass' });
    expect(route('/healthz', 'GET', 'navigate')).toEqual({ kind: 'pass' });
    expect(route('/osmand/', 'GET', 'navigate')).toEqual({ kind: 'pass' });
  });

  it('answers this build’s files from the precache, and leaves other files to the network', () => {
    expect(route('/assets/index-abc123.js', 'GET', 'cors')).toEqual({ kind: 'shell' });
    expect(route('/assets/maplibre-gl-worker-0a1b2c.mjs', 'GET', 'same-origin')).toEqual({ kind: 'shell' });
    expect(route('/assets/AdminPage-zzz.js')).toEqual({ kind: 'pass' });
    expect(route('/assets/index-abc123.js.map')).toEqual({ kind: 'pass' });
  });

  it('leaves other origins alone (a tile server)', () => {
    expect(route('/api/sites', 'GET', 'cors', 'https://tiles.example')).toEqual({ kind: 'pass' });
    expect(route('/', 'GET', 'navigate', 'https://elsewhere.example')).toEqual({ kind: 'pass' });
  });
});
