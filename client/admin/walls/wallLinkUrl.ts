import type { Lang } from '../../i18n/lang.js';

/**
 * The address an administrator copies for a wall display: the server's `/wall/<token>` path with
 * the display's language, which the server carries on to the page it opens (`?lang=fr`). The
 * language is always written, so the wall does not depend on its browser's own setting.
 * @example wallLinkUrl('http://joc:8080', '/wall/abc', 'fr') === 'http://joc:8080/wall/abc?lang=fr'
 */
export function wallLinkUrl(origin: string, path: string, lang: Lang): string {
  const url = new URL(path, origin);
  url.searchParams.set('lang', lang);
  return url.toString();
}
