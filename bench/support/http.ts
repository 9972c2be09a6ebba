import { z } from 'zod';

/** A signed-in session: the cookie and the CSRF token the server handed out. */
export interface Session {
  cookie: string;
  csrf: string;
}

const LoginReply = z.object({ ok: z.literal(true), data: z.object({ csrfToken: z.string() }) });

/** Signs in over HTTP as a person would. */
export async function signIn(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  const parsed = LoginReply.safeParse(safeJson(text));
  if (!res.ok || !cookie || !parsed.success) throw new Error(`sign-in as ${username} failed: ${res.status} ${text.slice(0, 300)}`);
  return { cookie, csrf: parsed.data.data.csrfToken };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends JSON as the session (or anonymously); throws with the server's answer unless it is 2xx. */
export async function send(url: string, method: 'POST' | 'GET', path: string, session: Session | null, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return safeJson(text);
}

/** Waits until GET `${url}/healthz` answers, or the deadline passes. */
export async function waitForHealth(url: string, timeoutMs: number, stillRunning: () => boolean, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!stillRunning()) throw new Error(`the server stopped at start-up:\n${why()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s:\n${why()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
