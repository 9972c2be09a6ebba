import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ReplyError } from './errors.js';
import { codeOfStatus, failureOf, parseJsonText, readReply } from './reply.js';

const Thing = z.object({ n: z.number() });

function refusal(fn: () => unknown): ReplyError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReplyError) return err;
    throw err;
  }
  throw new Error('expected a ReplyError');
}

describe('readReply', () => {
  it('returns the data of a success, parsed', () => {
    expect(readReply('/x', 200, { ok: true, data: { n: 1 } }, Thing)).toEqual({ n: 1 });
  });

  it('turns a refusal into an error with the code, message and field issues', () => {
    const body = {
      ok: false,
      error: { code: 'invalid_input', message: 'the new user is not valid', issues: [{ path: 'username', message: 'too short' }] },
    };
    const err = refusal(() => readReply('/api/admin/users', 400, body, Thing));
    expect(err.code).toBe('invalid_input');
    expect(err.status).toBe(400);
    expect(err.message).toBe('the new user is not valid');
    expect(err.issues).toEqual([{ path: 'username', message: 'too short' }]);
  });

  it('reads a 401 that is not JSON as unauthenticated, and a 502 page as a server failure', () => {
    expect(refusal(() => readReply('/x', 401, undefined, Thing)).code).toBe('unauthenticated');
    expect(refusal(() => readReply('/x', 502, undefined, Thing)).code).toBe('internal');
  });

  it('refuses a success whose data breaks the contract', () => {
    const err = refusal(() => readReply('/x', 200, { ok: true, data: { n: 'one' } }, Thing));
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/^\/x sent data the client cannot read/);
    expect(refusal(() => readReply('/x', 200, [1, 2], Thing)).code).toBe('unreadable');
  });
});

describe('failureOf', () => {
  it('keeps the server’s words when it sent a reply', () => {
    const err = failureOf('/api/basemap', 401, { ok: false, error: { code: 'unauthenticated', message: 'sign in first' } });
    expect(err.code).toBe('unauthenticated');
    expect(err.message).toBe('sign in first');
    expect(err.issues).toEqual([]);
  });
});

describe('codeOfStatus and parseJsonText', () => {
  it('guesses a code from a bare status', () => {
    expect(codeOfStatus(429)).toBe('rate_limited');
    expect(codeOfStatus(503)).toBe('internal');
    expect(codeOfStatus(302)).toBe('unreadable');
  });
  it('gives undefined for a body that is not JSON', () => {
    expect(parseJsonText('<html>')).toBeUndefined();
    expect(parseJsonText('{"a":1}')).toEqual({ a: 1 });
  });
});
