import { describe, expect, it } from 'vitest';
import { sentence } from './sentence.js';

describe('sentence', () => {
  it('capitalises and ends with a full stop once', () => {
    expect(sentence('sign in first')).toBe('Sign in first.');
    expect(sentence('Done.')).toBe('Done.');
    expect(sentence('  ')).toBe('');
  });
});
