import { z } from 'zod';
import { replySchema, type ErrorCode } from '../../shared/reply.js';
import { ReplyError, type FailureCode } from './errors.js';
import { messagesNow } from '../i18n/messages.js';
import { httpMessages } from './messages.js';

const Envelope = replySchema(z.unknown());

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/** The code for an answer that carries no readable error, judged by its status alone. */
export function codeOfStatus(status: number): FailureCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'unreadable');
}

/** A response body as JSON, or undefined when it is not JSON (a proxy's error page, say). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error an answer that is not a success stands for, using the server's words when it sent any. */
export function failureOf(url: string, status: number, body: unknown): ReplyError {
  const envelope = Envelope.safeParse(body);
  if (envelope.success && !envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    return new ReplyError({ code, status, message, issues });
  }
  return new ReplyError({ code: codeOfStatus(status), status, message: messagesNow(httpMessages).unreadableAnswer(url, status) });
}

/**
 * Reads a Reply<T> and returns its data, parsed; a refusal becomes a ReplyError carrying the
 * server's code, message and field issues.
 */
export function readReply<S extends z.ZodType>(url: string, status: number, body: unknown, data: S): z.output<S> {
  // The envelope first, then the data: a failed reply carries no data to check.
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) {
    if (status < 200 || status >= 300) throw failureOf(url, status, body);
    throw new ReplyError({ code: 'unreadable', status, message: messagesNow(httpMessages).unreadableData(url, z.prettifyError(envelope.error)) });
  }
  if (!envelope.data.ok) throw failureOf(url, status, body);
  const parsed = data.safeParse(envelope.data.data);
  if (!parsed.success) {
    throw new ReplyError({ code: 'unreadable', status, message: messagesNow(httpMessages).unreadableData(url, z.prettifyError(parsed.error)) });
  }
  return parsed.data;
}
