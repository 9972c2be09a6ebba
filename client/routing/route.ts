/** The admin page's tabs, each at `/admin/<tab>`. */
export const ADMIN_TABS = ['users', 'trackers', 'walls', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/** Which page the address shows. The server serves the app shell for every non-API path. */
export type Route = { page: 'map' } | { page: 'admin'; tab: AdminTab | null };

const isAdminTab = (s: string | undefined): s is AdminTab => (ADMIN_TABS as readonly string[]).includes(s ?? '');

/**
 * @example routeOf('/admin/audit') → { page: 'admin', tab: 'audit' }
 * @example routeOf('/') → { page: 'map' }
 */
export function routeOf(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts[0] !== 'admin') return { page: 'map' };
  return { page: 'admin', tab: isAdminTab(parts[1]) ? parts[1] : null };
}

/** The path of a route; the query string (`?test=1`, `?view=wall`) is kept by the caller. */
export function pathOf(route: Route): string {
  if (route.page === 'map') return '/';
  return route.tab ? `/admin/${route.tab}` : '/admin';
}
