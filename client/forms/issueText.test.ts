import { describe, expect, it } from 'vitest';
import { issueText } from './issueText.js';

describe('issueText', () => {
  it('puts zod’s common complaints plainly', () => {
    expect(issueText('Too small: expected string to have >=1 characters')).toBe('Required.');
    expect(issueText('Too small: expected string to have >=3 characters')).toBe('At least 3 characters.');
    expect(issueText('Too big: expected string to have <=80 characters')).toBe('At most 80 characters.');
    expect(issueText('Invalid input: expected string, received undefined')).toBe('Required.');
    expect(issueText('Invalid option: expected one of "admin"|"commander"')).toBe('Choose one of the options.');
  });
  it('keeps the server’s own words otherwise', () => {
    expect(issueText('letters, digits and . _ - only')).toBe('Letters, digits and . _ - only.');
  });
});
