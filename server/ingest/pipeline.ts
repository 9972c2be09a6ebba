import { PositionBatch, type PositionBatchResult, type PositionReportInput } from '../../shared/positions.js';
import { issuesFrom, type ErrorCode, type FieldIssue } from '../../shared/reply.js';
import type { Tracker } from '../tracking/tracker.js';

export type IngestReply =
  | { ok: true; result: PositionBatchResult }
  | { ok: false; code: ErrorCode; message: string; issues: FieldIssue[] };

/** Who is reporting: a device may only report for its own unit; anyone else for any unit. */
export type Reporter = { kind: 'device'; unitId: string } | { kind: 'trusted' };

/**
 * The one path every position takes, whatever the protocol it came in: validate the whole batch,
 * check the reporter may speak for each unit, then hand it to the tracker. A batch with a bad
 * field, a foreign unit or an unknown unit stores nothing.
 */
export async function ingestPositions(tracker: Tracker, reporter: Reporter, reports: readonly unknown[] | readonly PositionReportInput[]): Promise<IngestReply> {
  const parsed = PositionBatch.safeParse({ reports });
  if (!parsed.success) {
    return { ok: false, code: 'invalid_input', message: 'the position batch is not valid; nothing was stored', issues: issuesFrom(parsed.error) };
  }
  if (reporter.kind === 'device') {
    const foreign = parsed.data.reports.flatMap((r, i) =>
      r.unitId === reporter.unitId ? [] : [{ path: `reports[${i}].unitId`, message: `this device reports for "${reporter.unitId}" only` }],
    );
    if (foreign.length > 0) {
      return { ok: false, code: 'forbidden', message: 'a device may only report its own positions; nothing was stored', issues: foreign };
    }
  }
  const outcome = await tracker.ingest(parsed.data.reports);
  if (!outcome.ok) {
    return { ok: false, code: outcome.code, message: 'the batch names units that are not on the roster; nothing was stored', issues: outcome.issues };
  }
  return { ok: true, result: outcome.result };
}
