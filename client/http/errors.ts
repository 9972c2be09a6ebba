import type { ErrorCode, FieldIssue } from '../../shared/reply.js';

/** A request that failed, with a message fit to show on screen. */
export class LoadError extends Error {}

/**
 * Why a request failed: the server's own codes, or `network` (no answer at all) and
 * `unreadable` (an answer the contract does not describe).
 */
export type FailureCode = ErrorCode | 'network' | 'unreadable';

/** A request the server refused or that never got an answer, with the field issues it named. */
export class ReplyError extends LoadError {
  readonly code: FailureCode;
  /** HTTP status; 0 when there was no answer */
  readonly status: number;
  readonly issues: readonly FieldIssue[];

  constructor(init: { code: FailureCode; status: number; message: string; issues?: readonly FieldIssue[] | undefined }) {
    super(init.message);
    this.name = 'ReplyError';
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
  }
}

/** True when the server says nobody is signed in (never signed in, expired, revoked). */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ReplyError && err.code === 'unauthenticated';
}
