import type { z } from 'zod';
import { ReplyError } from './errors.js';
import { parseJsonText, readReply } from './reply.js';
import { messagesNow } from '../i18n/messages.js';
import { httpMessages } from './messages.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** sent as JSON */
  body?: unknown;
  /** the session's token, sent as `x-csrf-token` with every change */
  csrfToken?: string | undefined;
  signal?: AbortSignal | undefined;
  fetch?: typeof fetch;
}

/** Sends a request and returns the status and the body read as JSON (undefined when it is not JSON). */
export async function fetchJson(url: string, options: RequestOptions = {}): Promise<{ status: number; body: unknown }> {
  const { method = 'GET', body, csrfToken, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== undefined && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ReplyError({ code: 'network', status: 0, message: messagesNow(httpMessages).noAnswer(url) });
  }
  return { status: res.status, body: parseJsonText(await res.text()) };
}

/** Sends a request to a route that answers with a Reply<T>, and returns its data, parsed. */
export async function fetchReply<S extends z.ZodType>(url: string, data: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const { status, body } = await fetchJson(url, options);
  return readReply(url, status, body, data);
}
