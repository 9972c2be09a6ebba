import { describe, expect, it } from 'vitest';
import { ReplyError } from './errors.js';
import { retrying } from './retry.js';

const noWait = { sleep: () => Promise.resolve() };

describe('retrying', () => {
  it('asks again after a failure, backing off, until it gets an answer', async () => {
    const waits: number[] = [];
    let tries = 0;
    const value = await retrying(
      () => {
        tries += 1;
        if (tries < 4) return Promise.reject(new ReplyError({ code: 'network', status: 0, message: 'no answer' }));
        return Promise.resolve('trails');
      },
      new AbortController().signal,
      { firstMs: 1_000, maxMs: 3_000, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    );
    expect(value).toBe('trails');
    expect(waits).toEqual([1_000, 2_000, 3_000]);
  });
  it('gives up on a refusal that asking again cannot change', async () => {
    let tries = 0;
    const value = await retrying(
      () => {
        tries += 1;
        return Promise.reject(new ReplyError({ code: 'unauthenticated', status: 401, message: 'signed out' }));
      },
      new AbortController().signal,
      noWait,
    );
    expect(value).toBeNull();
    expect(tries).toBe(1);
  });
  it('stops once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await retrying(() => Promise.resolve(1), controller.signal, noWait)).toBeNull();
  });
});
