import type { Me, Permission } from '../../shared/auth.js';
import { ADMIN_TABS, type AdminTab } from '../routing/route.js';

/** The permission each admin tab needs; the server checks the same on every request. */
export const TAB_PERMISSION: Record<AdminTab, Permission> = {
  users: 'users:manage',
  trackers: 'tokens:manage',
  walls: 'tokens:manage',
  audit: 'audit:read',
};

/** The admin tabs this person may open, in order. */
export function tabsFor(me: Pick<Me, 'permissions'> | null): AdminTab[] {
  if (!me) return [];
  return ADMIN_TABS.filter((tab) => me.permissions.includes(TAB_PERMISSION[tab]));
}

/** The tab to show: the one asked for if allowed, else the first allowed, else none. */
export function tabToShow(asked: AdminTab | null, allowed: readonly AdminTab[]): AdminTab | null {
  if (asked && allowed.includes(asked)) return asked;
  return allowed[0] ?? null;
}
