import express, { type RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';

/** A body the server will not read, with a reason that is safe to show the sender. */
export class UnreadableBody extends Error {
  readonly status = 400;
}

/** No request the server takes is nested anywhere near this deep (a position batch is 3 levels). */
export const MAX_BODY_DEPTH = 32;

/** Keys that reach an object's prototype when a body is merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A lone surrogate: in `u` mode a proper pair is one code point, so only broken halves match. */
const LONE_SURROGATE = /\p{Cs}/u;

interface Visit {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v !== null; v = v.parent) if (v.key !== null) keys.unshift(v.key);
  const path = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${k}`)).join('');
  return path === '' ? 'the body' : path;
}

/**
 * Why a parsed JSON body is refused, or null when it may go on to its schema: nesting deeper than
 * `MAX_BODY_DEPTH`, a prototype key, a lone surrogate. Walks without recursion, so no depth can
 * overflow the stack.
 * @example bodyProblem({ reports: [{ __proto__x: 1 }] }) // null
 */
export function bodyProblem(body: unknown): string | null {
  const stack: Visit[] = [{ value: body, depth: 0, key: null, parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return `${pathOf(visit)} has a broken character (a lone UTF-16 surrogate)`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return `the request body is nested deeper than ${MAX_BODY_DEPTH} levels (at ${pathOf(visit)})`;
    const array = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      if (!array && PROTOTYPE_KEYS.has(key)) return `the key "${key}" is not accepted in a request body (at ${pathOf(visit)})`;
      if (LONE_SURROGATE.test(key)) return `a key in ${pathOf(visit)} has a broken character (a lone UTF-16 surrogate)`;
      stack.push({ value: child, depth: depth + 1, key: array ? Number(key) : key, parent: visit });
    }
  }
  return null;
}

/**
 * `express.json` that refuses, with the reason, what it would otherwise take silently: bytes that
 * are not UTF-8 (they would be stored as U+FFFD), lone surrogates, prototype keys and absurd
 * nesting. Use it wherever a route reads JSON.
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
      const problem = bodyProblem(req.body);
      next(problem === null ? undefined : new UnreadableBody(problem));
    });
  };
}
