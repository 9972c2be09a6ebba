import { z } from 'zod';
import { LoadError } from './errors.js';
import { failureOf } from './reply.js';
import { fetchJson, fetchReply } from './request.js';

export { LoadError, ReplyError } from './errors.js';

/** GETs a route that answers with a Reply<T> and returns its data, parsed. */
export function getReply<S extends z.ZodType>(url: string, data: S, signal?: AbortSignal): Promise<z.output<S>> {
  return fetchReply(url, data, { signal });
}

/** GETs plain JSON and hands it to a parser; a refusal still arrives as a Reply and is read as one. */
export async function getJson<T>(url: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  const { status, body } = await fetchJson(url, { signal });
  if (status < 200 || status >= 300) throw failureOf(url, status, body);
  if (body === undefined) throw new LoadError(`${url} answered ${status} with something that is not JSON`);
  try {
    return parse(body);
  } catch (err) {
    const detail = err instanceof z.ZodError ? z.prettifyError(err) : String(err);
    throw new LoadError(`${url} sent data the client cannot read: ${detail}`);
  }
}
