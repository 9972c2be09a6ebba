import { describe, expect, it } from 'vitest';
import { ReplyError } from '../http/errors.js';
import { fieldOfIssue, mapIssues, problemsOf } from './problems.js';

describe('fieldOfIssue', () => {
  it('takes the first segment of a path, after a prefix', () => {
    expect(fieldOfIssue('username')).toBe('username');
    expect(fieldOfIssue('units[0].callsign', 'units[0].')).toBe('callsign');
    expect(fieldOfIssue('reports[3].lat')).toBe('reports');
    expect(fieldOfIssue('(root)')).toBe('(root)');
  });
});

describe('mapIssues', () => {
  it('keeps the first issue per field and lists the ones the form cannot show', () => {
    const mapped = mapIssues(
      [
        { path: 'username', message: 'letters, digits and . _ - only' },
        { path: 'username', message: 'too short' },
        { path: 'displayName', message: 'Too small: expected string to have >=1 characters' },
        { path: '(root)', message: 'something else' },
      ],
      ['username', 'displayName', 'role'],
    );
    expect(mapped.fields).toEqual({
      username: 'Letters, digits and . _ - only.',
      displayName: 'Required.',
    });
    expect(mapped.other).toEqual(['(root): something else']);
  });
});

describe('problemsOf', () => {
  it('reads a refusal with its field issues', () => {
    const err = new ReplyError({
      code: 'invalid_input',
      status: 400,
      message: 'the unit roster is not valid',
      issues: [{ path: 'units[0].fieldOffice', message: 'Invalid option' }],
    });
    expect(problemsOf(err, ['id', 'fieldOffice'], 'units[0].')).toEqual({
      message: 'The unit roster is not valid.',
      fields: { fieldOffice: 'Invalid option.' },
      other: [],
    });
  });

  it('words a lost link and an unexpected failure', () => {
    expect(problemsOf(new ReplyError({ code: 'network', status: 0, message: 'x' }), []).message).toMatch(/Cannot reach the server/);
    expect(problemsOf(new Error('boom'), [])).toEqual({ message: 'Boom.', fields: {}, other: [] });
  });
});
