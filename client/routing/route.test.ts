import { describe, expect, it } from 'vitest';
import { pathOf, routeOf } from './route.js';

describe('routeOf', () => {
  it('reads the admin page and its tab', () => {
    expect(routeOf('/admin')).toEqual({ page: 'admin', tab: null });
    expect(routeOf('/admin/audit')).toEqual({ page: 'admin', tab: 'audit' });
    expect(routeOf('/admin/nonsense')).toEqual({ page: 'admin', tab: null });
  });
  it('shows the map for anything else', () => {
    expect(routeOf('/')).toEqual({ page: 'map' });
    expect(routeOf('/wall')).toEqual({ page: 'map' });
    expect(routeOf('/administrator')).toEqual({ page: 'map' });
  });
  it('round-trips', () => {
    for (const path of ['/', '/admin', '/admin/users', '/admin/trackers', '/admin/walls', '/admin/audit']) {
      expect(pathOf(routeOf(path))).toBe(path);
    }
  });
});
