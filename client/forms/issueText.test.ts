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
  it('puts them in French on a French screen', () => {
    expect(issueText('Too small: expected string to have >=1 characters', 'fr')).toBe('Obligatoire.');
    expect(issueText('Too small: expected string to have >=12 characters', 'fr')).toBe('Au moins 12 caractères.');
    expect(issueText('Too big: expected string to have <=80 characters', 'fr')).toBe('Au plus 80 caractères.');
    expect(issueText('Invalid option: expected one of "admin"|"commander"', 'fr')).toBe('Choisissez l’une des options.');
  });
  it('keeps the server’s own words otherwise', () => {
    expect(issueText('letters, digits and . _ - only')).toBe('Letters, digits and . _ - only.');
  });
});
