import { z } from 'zod';
import { LoadError } from './errors.js';
import { failureOf } from './reply.js';
import { fetchJson, fetchReply } from './request.js';
import { messagesNow } from '../i18n/messages.js';
import { httpMessages } from './messages.js';

export { LoadError, ReplyError } from './errors.js';

/** GETs a route that answers with a Reply<T> and returns its data, parsed. */
export function getReply<S extends z.ZodType>(url: string, data: S, signal?: AbortSignal): Promise<z.output<S>> {
  return fetchReply(url, data, { signal });
}

/** GETs plain JSON and hands it to a parser; a refusal still arrives as a Reply and is read as one. */
export async function getJson<T>(url: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  const { status, body } = await fetchJson(url, { signal });
  if (status < 200 || status >= 300) throw failureOf(url, status, body);
  if (body === undefined) throw new LoadError(messagesNow(httpMessages).notJson(url, status));
  try {
    return parse(body);
  } catch (err) {
    const detail = err instanceof z.ZodError ? z.prettifyError(err) : String(err);
    throw new LoadError(messagesNow(httpMessages).unreadableData(url, detail));
  }
}
