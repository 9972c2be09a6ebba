import { z } from 'zod';
import { replySchema } from '../../shared/reply.js';

const Envelope = replySchema(z.unknown());

const unreadable = (url: string, error: z.ZodError) =>
  new LoadError(`${url} sent data the client cannot read: ${z.prettifyError(error)}`);

/** A request that failed, with a message fit to show on screen. */
export class LoadError extends Error {}

async function getBody(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new LoadError(`${url} answered ${res.status} with something that is not JSON`);
  }
}

/** GETs a route that answers with a Reply<T> and returns its data, parsed. */
export async function getReply<S extends z.ZodType>(url: string, data: S, signal?: AbortSignal): Promise<z.output<S>> {
  const body = await getBody(url, signal);
  // The envelope first, then the data: a failed reply carries no data to check.
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw unreadable(url, envelope.error);
  const reply = envelope.data;
  if (!reply.ok) throw new LoadError(`${url}: ${reply.error.message}`);
  const parsed = data.safeParse(reply.data);
  if (!parsed.success) throw unreadable(url, parsed.error);
  return parsed.data;
}

/** GETs plain JSON and hands it to a parser. */
export async function getJson<T>(url: string, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
  const body = await getBody(url, signal);
  try {
    return parse(body);
  } catch (err) {
    const detail = err instanceof z.ZodError ? z.prettifyError(err) : String(err);
    throw new LoadError(`${url} sent data the client cannot read: ${detail}`);
  }
}
