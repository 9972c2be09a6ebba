import { z } from 'zod';

/**
 * Messages between the fan-out benchmark and its dashboard worker processes (over the fork IPC
 * channel), checked on arrival like any other input.
 */
export const FeedMode = z.enum(['compact', 'baseline']);
export type FeedMode = z.infer<typeof FeedMode>;

export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('connect'),
    url: z.string(),
    /** session cookie to send (the product feed); null for the baseline server, which asks for none */
    cookie: z.string().nullable(),
    clients: z.number().int().positive(),
    mode: FeedMode,
  }),
  /** Forget what was counted so far: the measured window starts now. */
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('report') }),
  z.object({ type: z.literal('close') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

const Histogram = z.array(z.tuple([z.number().int(), z.number().int()]));

export const WorkerStats = z.object({
  clients: z.number().int(),
  /** clients still connected when the stats were taken */
  connected: z.number().int(),
  disconnects: z.number().int(),
  /** feed messages received (deltas, or one per report for the baseline) */
  messages: z.number().int(),
  /** positions received: rows in deltas, reports in the baseline */
  fixes: z.number().int(),
  /** bytes of WebSocket frames received, headers included */
  bytes: z.number(),
  /** ingest-to-screen latency, [whole milliseconds, how many fixes] */
  histogram: Histogram,
  /** of which in the server: from the fix to the delta that carried it (compact feed only) */
  inServer: Histogram,
  /** and after: from the delta's sending (its time) to its decoding here (compact feed only) */
  afterSending: Histogram,
});
export type WorkerStats = z.infer<typeof WorkerStats>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connected'), clients: z.number().int() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('stats'), stats: WorkerStats }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
