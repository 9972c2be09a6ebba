import { describe, expect, it } from 'vitest';
import { isServerFailure, isWorthKeeping, meansSignedOut } from './answers.js';

const me = { ok: true, data: { kind: 'user', name: 'Commander Bor', role: 'commander', permissions: ['map:read'], csrfToken: 't' } };

describe('meansSignedOut', () => {
  it('reads "nobody is signed in" from /api/auth/me', () => {
    expect(meansSignedOut('/api/auth/me', 200, { ok: true, data: null })).toBe(true);
    expect(meansSignedOut('/api/auth/me', 200, me)).toBe(false);
  });
  it('reads a 401 from any kept route as the end of the session', () => {
    expect(meansSignedOut('/api/sites', 401, { ok: false, error: { code: 'unauthenticated', message: 'sign in' } })).toBe(true);
    expect(meansSignedOut('/api/basemap', 401, undefined)).toBe(true);
  });
  it('does not read a failure or another route’s null as signed out', () => {
    expect(meansSignedOut('/api/auth/me', 502, undefined)).toBe(false);
    expect(meansSignedOut('/api/auth/me', 200, undefined)).toBe(false);
    expect(meansSignedOut('/api/config', 200, { ok: true, data: null })).toBe(false);
    expect(meansSignedOut('/api/sites', 403, { ok: false, error: { code: 'forbidden', message: 'no' } })).toBe(false);
  });
});

describe('what is kept and when the copy is used', () => {
  it('keeps only complete successful answers', () => {
    expect(isWorthKeeping(200)).toBe(true);
    expect(isWorthKeeping(206)).toBe(false);
    expect(isWorthKeeping(304)).toBe(false);
    expect(isWorthKeeping(403)).toBe(false);
  });
  it('uses the copy when the server or a proxy in front of it fails', () => {
    expect(isServerFailure(502)).toBe(true);
    expect(isServerFailure(503)).toBe(true);
    expect(isServerFailure(404)).toBe(false);
    expect(isServerFailure(200)).toBe(false);
  });
});
