import type { FieldIssue } from '../../shared/reply.js';
import { ReplyError } from '../http/errors.js';
import { issueText } from './issueText.js';
import { sentence } from '../format/sentence.js';
import { messagesNow } from '../i18n/messages.js';
import { formMessages } from './messages.js';

/** What a form shows after the server refused it. */
export interface FormProblems {
  /** the headline, in the server's words */
  message: string;
  /** the first issue for each field the form has, by field name */
  fields: Partial<Record<string, string>>;
  /** issues about something the form has no field for, with their paths */
  other: string[];
}

/**
 * The field an issue belongs to: its path without `prefix`, up to the first `.` or `[`.
 * @example fieldOfIssue('units[0].callsign', 'units[0].') === 'callsign'
 */
export function fieldOfIssue(path: string, prefix = ''): string {
  const rest = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
  return rest.split(/[.[]/, 1)[0] ?? rest;
}

/** Sorts the server's field issues onto the form's fields; the rest are listed with their paths. */
export function mapIssues(issues: readonly FieldIssue[], fields: readonly string[], prefix = ''): Pick<FormProblems, 'fields' | 'other'> {
  const byField: Partial<Record<string, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldOfIssue(issue.path, prefix);
    if (fields.includes(field)) byField[field] ??= issueText(issue.message);
    else other.push(`${issue.path}: ${issue.message}`);
  }
  return { fields: byField, other };
}

/** Turns whatever a submission threw into what the form shows. */
export function problemsOf(err: unknown, fields: readonly string[], prefix = ''): FormProblems {
  if (err instanceof ReplyError) {
    const message = err.code === 'network' ? messagesNow(formMessages).noServer : sentence(err.message);
    return { message, ...mapIssues(err.issues, fields, prefix) };
  }
  return { message: sentence(err instanceof Error ? err.message : String(err)), fields: {}, other: [] };
}
