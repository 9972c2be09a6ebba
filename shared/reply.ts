import { z } from 'zod';

/** One field that failed validation: where it is and what was wrong with it. */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_unit',
  'not_found',
  'conflict',
  'payload_too_large',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The single shape of every acknowledgement and every HTTP error. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const replySchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBody }),
  ]);

/** Turns a zod error into field issues whose paths read like `reports[3].lat`. */
export function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}
