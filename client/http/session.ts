import { z } from 'zod';
import { Me, type LoginRequest } from '../../shared/auth.js';
import type { OpsStore } from '../state/store.js';
import { meOf } from '../state/session.js';
import { isUnauthenticated } from './errors.js';
import { fetchReply, type Method } from './request.js';

const SignedOut = z.object({ signedOut: z.literal(true) });

export interface Session {
  /** Asks the server who this browser is; keeps asking, backing off, while it cannot answer. */
  check(): Promise<void>;
  /** Signs in; a refusal is thrown as a ReplyError for the sign-in page to word. */
  signIn(credentials: LoginRequest): Promise<Me>;
  signOut(): Promise<void>;
  /**
   * Something said "unauthenticated" (a request, the feed): confirm with the server, and show
   * the sign-in page if the session has really gone.
   */
  expired(): Promise<void>;
  /** GETs a Reply<T> route with the session. */
  get<S extends z.ZodType>(url: string, data: S, signal?: AbortSignal): Promise<z.output<S>>;
  /** Sends a change with the session's CSRF token and reads the Reply<T>. */
  send<S extends z.ZodType>(method: Exclude<Method, 'GET'>, url: string, body: unknown, data: S): Promise<z.output<S>>;
}

export interface SessionOptions {
  fetch?: typeof fetch;
  /** first and longest wait between tries while the server cannot be reached */
  retryMs?: { first: number; max: number };
  sleep?: (ms: number) => Promise<void>;
}


/** The one place that knows whether the browser is signed in, and that talks to /api/auth. */
export function createSession(store: OpsStore, options: SessionOptions = {}): Session {
  const retry = options.retryMs ?? { first: 1_000, max: 30_000 };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const http = options.fetch ? { fetch: options.fetch } : {};
  const signedIn = () => meOf(store.getState().session);
  const csrfToken = () => signedIn()?.csrfToken;
  let confirming: Promise<void> | null = null;

  const session: Session = {
    async check() {
      let delay = retry.first;
      for (;;) {
        try {
          // The server answers null when nobody is signed in.
          const who = await fetchReply('/api/auth/me', Me.nullable(), http);
          store.setState({ session: who ? { status: 'signed-in', me: who } : { status: 'signed-out', reason: null } });
          return;
        } catch (err) {
          if (isUnauthenticated(err)) {
            store.setState({ session: { status: 'signed-out', reason: null } });
            return;
          }
          const problem = err instanceof Error ? err.message : String(err);
          store.setState({ session: { status: 'checking', problem } });
          await sleep(delay);
          delay = Math.min(delay * 2, retry.max);
        }
      }
    },

    async signIn(credentials) {
      const who = await fetchReply('/api/auth/login', Me, { ...http, method: 'POST', body: credentials });
      store.setState({ session: { status: 'signed-in', me: who } });
      return who;
    },

    async signOut() {
      try {
        await fetchReply('/api/auth/logout', SignedOut, { ...http, method: 'POST', csrfToken: csrfToken() });
      } catch {
        // Signed out on this screen whatever the server said: an expired session is signed out already.
      }
      store.setState({ session: { status: 'signed-out', reason: 'signed-out' } });
    },

    expired() {
      const current = signedIn();
      if (!current) return Promise.resolve();
      confirming ??= (async () => {
        try {
          const who = await fetchReply('/api/auth/me', Me.nullable(), http);
          if (!who) {
            store.setState({ session: { status: 'signed-out', reason: current.kind === 'wall' ? 'wall-ended' : 'ended' } });
            return;
          }
          // Still signed in (a passing refusal); a new token means the session was renewed.
          if (who.csrfToken !== signedIn()?.csrfToken) store.setState({ session: { status: 'signed-in', me: who } });
        } catch (err) {
          if (!isUnauthenticated(err)) return;
          store.setState({ session: { status: 'signed-out', reason: current.kind === 'wall' ? 'wall-ended' : 'ended' } });
        }
      })().finally(() => {
        confirming = null;
      });
      return confirming;
    },

    async get(url, data, signal) {
      try {
        return await fetchReply(url, data, { ...http, signal });
      } catch (err) {
        if (isUnauthenticated(err)) void session.expired();
        throw err;
      }
    },

    async send(method, url, body, data) {
      try {
        return await fetchReply(url, data, { ...http, method, body, csrfToken: csrfToken() });
      } catch (err) {
        if (isUnauthenticated(err)) void session.expired();
        throw err;
      }
    },
  };
  return session;
}
