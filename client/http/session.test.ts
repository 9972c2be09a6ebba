import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/auth.js';
import { createOpsStore } from '../state/store.js';
import { ReplyError } from './errors.js';
import { createSession } from './session.js';

const me: Me = { kind: 'user', name: 'Amina Deng', role: 'admin', permissions: ['map:read', 'users:manage'], csrfToken: 'csrf-1' };

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A server in a function: answers by method and path, and records what it was sent. */
function fakeServer(answer: (call: Call) => { status: number; body: unknown } | 'no-answer') {
  const calls: Call[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const reply = answer(call);
    if (reply === 'no-answer') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body), { status: reply.status });
  };
  return { calls, fetch: fetchFn };
}

const ok = (data: unknown) => ({ status: 200, body: { ok: true, data } });
const refused = (status: number, code: string, message: string) => ({ status, body: { ok: false, error: { code, message } } });
const noWait = { sleep: () => Promise.resolve(), retryMs: { first: 1, max: 1 } };

describe('createSession', () => {
  it('is signed out when /api/auth/me answers 401, and signed in when it answers with Me', async () => {
    const out = createOpsStore();
    await createSession(out, { fetch: fakeServer(() => refused(401, 'unauthenticated', 'sign in first')).fetch }).check();
    expect(out.getState().session).toEqual({ status: 'signed-out', reason: null });

    const inStore = createOpsStore();
    await createSession(inStore, { fetch: fakeServer(() => ok(me)).fetch }).check();
    expect(inStore.getState().session).toEqual({ status: 'signed-in', me });
  });

  it('keeps asking while the server cannot be reached', async () => {
    let tries = 0;
    const server = fakeServer(() => (++tries < 3 ? 'no-answer' : ok(me)));
    const store = createOpsStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.session.status));
    await createSession(store, { fetch: server.fetch, ...noWait }).check();
    expect(tries).toBe(3);
    expect(seen).toContain('checking');
    expect(store.getState().session.status).toBe('signed-in');
  });

  it('sends every change with the session’s CSRF token and JSON body', async () => {
    const server = fakeServer((call) => (call.url === '/api/auth/login' ? ok(me) : ok({ revoked: 'x' })));
    const store = createOpsStore();
    const session = createSession(store, { fetch: server.fetch });
    await session.signIn({ username: 'amina', password: 'a long passphrase' });
    const result = await session.send('DELETE', '/api/admin/wall-links/x', undefined, z.object({ revoked: z.string() }));
    expect(result).toEqual({ revoked: 'x' });
    const [login, revoke] = server.calls;
    expect(login?.body).toEqual({ username: 'amina', password: 'a long passphrase' });
    expect(login?.headers['x-csrf-token']).toBeUndefined();
    expect(revoke?.method).toBe('DELETE');
    expect(revoke?.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('throws a refused sign-in for the page to word, and stays signed out', async () => {
    const store = createOpsStore({ session: { status: 'signed-out', reason: null } });
    const session = createSession(store, { fetch: fakeServer(() => refused(401, 'unauthenticated', 'wrong username or password')).fetch });
    const err = await session.signIn({ username: 'amina', password: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReplyError);
    expect((err as ReplyError).code).toBe('unauthenticated');
    expect(store.getState().session.status).toBe('signed-out');
  });

  it('shows the sign-in page, with the reason, once a request finds the session gone', async () => {
    const store = createOpsStore({ session: { status: 'signed-in', me } });
    const session = createSession(store, { fetch: fakeServer(() => refused(401, 'unauthenticated', 'sign in first')).fetch });
    await expect(session.get('/api/admin/users', z.array(z.unknown()))).rejects.toBeInstanceOf(ReplyError);
    await session.expired();
    expect(store.getState().session).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('stays signed in when the server still knows the session', async () => {
    const store = createOpsStore({ session: { status: 'signed-in', me } });
    await createSession(store, { fetch: fakeServer(() => ok(me)).fetch }).expired();
    expect(store.getState().session.status).toBe('signed-in');
  });

  it('signs out on the screen even when the server has already forgotten the session', async () => {
    const store = createOpsStore({ session: { status: 'signed-in', me } });
    const server = fakeServer(() => refused(401, 'unauthenticated', 'sign in first'));
    await createSession(store, { fetch: server.fetch }).signOut();
    expect(server.calls[0]?.headers['x-csrf-token']).toBe('csrf-1');
    expect(store.getState().session).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });
});
