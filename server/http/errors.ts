import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { issuesFrom, type ErrorBody, type ErrorCode, type FieldIssue, type Reply } from '../../shared/reply.js';
import { UnreadableBody } from './json-body.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_unit: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** An error whose code and message are safe to show the client. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

export function sendOk<T>(res: Response, data: T, status = 200): void {
  const body: Reply<T> = { ok: true, data };
  res.status(status).json(body);
}

export function sendError(res: Response, error: ErrorBody): void {
  const body: Reply<never> = { ok: false, error };
  res.status(STATUS[error.code]).json(body);
}

/** Parses untrusted input, or throws a 400 that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ApiError('invalid_input', `${what} is not valid`, issuesFrom(result.error));
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err;
}

/** Turns every error into the one reply shape; internal details go to the log, never the client. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof ApiError) {
      sendError(res, { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) });
      return;
    }
    if (err instanceof UnreadableBody) {
      sendError(res, { code: 'invalid_input', message: err.message });
      return;
    }
    if (isBodyParserError(err)) {
      if (err.type === 'entity.too.large') {
        sendError(res, { code: 'payload_too_large', message: 'the request body is larger than the server accepts' });
        return;
      }
      if (err.type === 'entity.parse.failed') {
        sendError(res, { code: 'invalid_input', message: 'the request body is not valid JSON' });
        return;
      }
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        // body-parser's own 4xx messages name the fault (unsupported charset, too many parameters…).
        sendError(res, { code: 'invalid_input', message: `the request could not be read${err instanceof Error ? `: ${err.message.slice(0, 200)}` : ''}` });
        return;
      }
    }
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error in request');
    sendError(res, { code: 'internal', message: 'the server could not complete the request' });
  };
}
