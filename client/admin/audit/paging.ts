import type { AuditEntry } from '../../../shared/auth.js';

export const AUDIT_PAGE = 100;

/** Actions the server records today; any other the log holds is offered once seen. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.wall-open',
  'user.create',
  'user.update',
  'user.reset-password',
  'device-token.issue',
  'device-token.revoke',
  'wall-link.issue',
  'wall-link.revoke',
  'incident.create',
  'incident.update',
  'incident.read-sensitive',
  'audit.export',
] as const;

/**
 * The query for one page of the log, newest first; `before` is the oldest seq already shown.
 * @example auditQuery({ action: 'auth.login', before: 120 }) === 'limit=100&before=120&action=auth.login'
 */
export function auditQuery({ action, before, limit = AUDIT_PAGE }: { action?: string; before?: number | undefined; limit?: number }): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined) params.set('before', String(before));
  if (action) params.set('action', action);
  return params.toString();
}

/** The seq to page back from: the oldest entry shown. */
export function oldestSeq(entries: readonly AuditEntry[]): number | undefined {
  let oldest: number | undefined;
  for (const e of entries) if (oldest === undefined || e.seq < oldest) oldest = e.seq;
  return oldest;
}

/** An older page added below what is shown, each entry once, newest first. */
export function appendOlder(shown: readonly AuditEntry[], older: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(shown.map((e) => e.seq));
  return [...shown, ...older.filter((e) => !seen.has(e.seq))].sort((a, b) => b.seq - a.seq);
}

/** The actions to offer in the filter: the known ones and any other seen, sorted. */
export function actionChoices(entries: readonly AuditEntry[]): string[] {
  return [...new Set<string>([...KNOWN_ACTIONS, ...entries.map((e) => e.action)])].sort();
}
