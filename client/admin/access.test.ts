import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../shared/auth.js';
import { tabsFor, tabToShow } from './access.js';

const as = (role: keyof typeof ROLE_PERMISSIONS) => ({ permissions: [...ROLE_PERMISSIONS[role]] });

describe('tabsFor', () => {
  it('gives an administrator every tab and others none', () => {
    expect(tabsFor(as('admin'))).toEqual(['users', 'trackers', 'walls', 'audit']);
    expect(tabsFor(as('commander'))).toEqual([]);
    expect(tabsFor(as('viewer'))).toEqual([]);
    expect(tabsFor(null)).toEqual([]);
  });
  it('follows single permissions', () => {
    expect(tabsFor({ permissions: ['audit:read'] })).toEqual(['audit']);
  });
});

describe('tabToShow', () => {
  it('shows the tab asked for when allowed, else the first allowed', () => {
    expect(tabToShow('audit', ['users', 'audit'])).toBe('audit');
    expect(tabToShow('users', ['audit'])).toBe('audit');
    expect(tabToShow(null, ['users'])).toBe('users');
    expect(tabToShow('users', [])).toBeNull();
  });
});
