/**
 * What no JSON the server reads may hold, whatever its schema: nesting beyond any real document,
 * keys that reach an object's prototype when merged, and broken UTF-16. Checked before the schema,
 * so a hostile document is refused for what it is.
 */

/** No request or mission pack file is nested anywhere near this deep (a position batch is 3 levels). */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype when a parsed document is merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A lone surrogate: in `u` mode a proper pair is one code point, so only broken halves match. */
const LONE_SURROGATE = /\p{Cs}/u;
/** The NUL character: no text the JOC writes holds one, and PostgreSQL cannot store it. */
const NUL = '\u0000';

export interface JsonProblem {
  /** where, as `reports[0].unitId`; empty for the document itself */
  path: string;
  message: string;
}

interface Visit {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v !== null; v = v.parent) if (v.key !== null) keys.unshift(v.key);
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${k}`)).join('');
}

/**
 * The first thing in a parsed JSON document that no schema should have to see, or null. Walks
 * without recursion, so no depth can overflow the stack.
 * @example
 * jsonProblem(JSON.parse('{"a":{"__proto__":{}}}')) // { path: 'a', message: 'the key "__proto__" is not accepted' }
 * jsonProblem({ reports: [{ unitId: 'bor-1' }] }) // null
 */
export function jsonProblem(document: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: Visit[] = [{ value: document, depth: 0, key: null, parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { path: pathOf(visit), message: 'a broken character (a lone UTF-16 surrogate) is not accepted' };
      if (value.includes(NUL)) return { path: pathOf(visit), message: 'the NUL character (\\u0000) is not accepted in text' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return { path: pathOf(visit), message: `nested deeper than ${maxDepth} levels` };
    const array = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      if (!array && PROTOTYPE_KEYS.has(key)) return { path: pathOf(visit), message: `the key "${key}" is not accepted` };
      if (key.includes(NUL)) return { path: pathOf(visit), message: 'a key holding the NUL character (\\u0000) is not accepted' };
      if (LONE_SURROGATE.test(key)) return { path: pathOf(visit), message: 'a key with a broken character (a lone UTF-16 surrogate) is not accepted' };
      stack.push({ value: child, depth: depth + 1, key: array ? Number(key) : key, parent: visit });
    }
  }
  return null;
}
