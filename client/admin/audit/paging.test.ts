import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/auth.js';
import { actionChoices, appendOlder, auditQuery, oldestSeq } from './paging.js';

const entry = (seq: number, action = 'auth.login'): AuditEntry => ({
  seq,
  time: 1_800_000_000_000 + seq,
  actor: 'admin',
  action,
  target: null,
  outcome: 'ok',
  details: null,
});

describe('auditQuery', () => {
  it('asks for the newest page, then pages back with before', () => {
    expect(auditQuery({})).toBe('limit=100');
    expect(auditQuery({ action: 'auth.login', before: 120 })).toBe('limit=100&before=120&action=auth.login');
    expect(auditQuery({ action: '' })).toBe('limit=100');
  });
});

describe('paging back', () => {
  it('pages from the oldest shown and keeps each entry once, newest first', () => {
    const first = [entry(9), entry(8), entry(7)];
    expect(oldestSeq(first)).toBe(7);
    expect(oldestSeq([])).toBeUndefined();
    // An entry on both pages (the log grew between requests) is shown once.
    expect(appendOlder(first, [entry(7), entry(6), entry(5)]).map((e) => e.seq)).toEqual([9, 8, 7, 6, 5]);
  });
});

describe('actionChoices', () => {
  it('offers the known actions and any other seen', () => {
    const choices = actionChoices([entry(1, 'alert.ack')]);
    expect(choices).toContain('auth.login');
    expect(choices).toContain('alert.ack');
    expect(choices).toEqual([...choices].sort());
  });
});
