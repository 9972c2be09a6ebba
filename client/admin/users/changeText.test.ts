import { describe, expect, it } from 'vitest';
import { changeText } from './changeText.js';

const amina = { username: 'amina', role: 'commander' as const };

describe('changeText', () => {
  it('says what each change did, and that sessions ended', () => {
    expect(changeText(amina, { role: 'commander' })).toBe('amina is now Commander. Their open sessions were signed out.');
    expect(changeText(amina, { sensitive: true })).toBe('amina now has need-to-know. Their open sessions were signed out.');
    expect(changeText(amina, { sensitive: false })).toBe('amina no longer has need-to-know. Their open sessions were signed out.');
    expect(changeText(amina, { disabled: true })).toBe('amina is disabled and signed out everywhere.');
    expect(changeText(amina, { disabled: false })).toBe('amina is enabled and may sign in again.');
  });
});

describe('changeText in French', () => {
  it('says the same in French, with the role in French', () => {
    expect(changeText(amina, { role: 'commander' }, 'fr')).toBe('amina a désormais le rôle Commandant. Ses sessions ouvertes ont été fermées.');
    expect(changeText(amina, { disabled: true }, 'fr')).toBe('amina est désactivé et déconnecté partout.');
  });
});
