import { z } from 'zod';
import { OFFLINE_COPY_PATHS } from './protocol.js';

/**
 * Worker → page messages, parsed by the page like any other edge. The worker imports only the
 * types, so zod stays out of it.
 *
 * `answer-source`: where an answer the page asked for came from. `network`: fetched now and
 * kept at `savedAt`; `offline-copy`: the link did not answer, so the copy kept at `savedAt`
 * was served instead.
 * `offline-copy-forgotten`: the copy was thrown away (signed out, or the session has ended).
 */
export const WorkerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('answer-source'),
    path: z.enum(OFFLINE_COPY_PATHS),
    source: z.enum(['network', 'offline-copy']),
    savedAt: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('offline-copy-forgotten') }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
export type AnswerSourceMessage = Extract<WorkerMessage, { type: 'answer-source' }>;
