import express, { type RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';
import { jsonProblem } from '../../shared/json-guard.js';

/** A body the server will not read, with a reason that is safe to show the sender. */
export class UnreadableBody extends Error {
  readonly status = 400;
}

/**
 * `express.json` that refuses, with the reason, what it would otherwise take silently: bytes that
 * are not UTF-8 (they would be stored as U+FFFD), lone surrogates, prototype keys and absurd
 * nesting (`shared/json-guard.ts`). Use it wherever a route reads JSON.
 */
export function jsonBody(limit: number | string): RequestHandler {
  const parse = express.json({
    limit,
    verify: (_req, _res, body, encoding) => {
      if (encoding !== 'utf-8') throw new UnreadableBody(`JSON is read in UTF-8 only, not ${encoding.slice(0, 40)}`);
      if (!isUtf8(body)) throw new UnreadableBody('the request body is not valid UTF-8');
    },
  });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const problem = jsonProblem(req.body);
      next(problem === null ? undefined : new UnreadableBody(`in the request body, ${problem.message} (at ${problem.path || 'the top level'})`));
    });
  };
}
