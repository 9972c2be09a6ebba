import { ReplyError } from './errors.js';

/** Refusals that asking again will not change. */
const FINAL = new Set(['unauthenticated', 'forbidden', 'not_found', 'conflict', 'invalid_input']);

export function isWorthRetrying(err: unknown): boolean {
  return !(err instanceof ReplyError && FINAL.has(err.code));
}

export interface RetryOptions {
  firstMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs a request until it succeeds, backing off between tries: on a VSAT link a request fails
 * now and then. Gives up (null) when aborted or on a refusal that retrying cannot change.
 */
export async function retrying<T>(load: () => Promise<T>, signal: AbortSignal, options: RetryOptions = {}): Promise<T | null> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxMs = options.maxMs ?? 60_000;
  let delay = options.firstMs ?? 2_000;
  for (;;) {
    if (signal.aborted) return null;
    try {
      return await load();
    } catch (err) {
      if (signal.aborted || !isWorthRetrying(err)) return null;
      await sleep(delay);
      delay = Math.min(delay * 2, maxMs);
    }
  }
}
