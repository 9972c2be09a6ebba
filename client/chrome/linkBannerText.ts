import { jubaHoursMinutes, jubaTime } from '../format/time.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { chromeMessages } from './messages.js';
import type { Link, LoadFailure } from '../state/store.js';
import { httpMessages } from '../http/messages.js';

export interface LinkBannerText {
  /** 'down' while the link is lost, 'warn' for something that failed to load */
  tone: 'reconnecting' | 'offline' | 'warn';
  /** in capitals, read from across the room */
  headline: string;
  detail: string | null;
}

/**
 * What the banner across the map says, or null for no banner. While the link is down it says
 * since when, in Juba time (`offsetMs` turns the client's clock into the server's): the moment
 * it went down, not the time of the last update, which can be older.
 * @example linkBannerText({ state: 'reconnecting', downSince: t, lastUpdate: t - 2_000, everConnected: true }, 0, null)?.headline // 'LINK LOST SINCE 14:05 (Juba)'
 */
export function linkBannerText(link: Link, offsetMs: number, loadError: LoadFailure | null, lang: Lang = currentLang()): LinkBannerText | null {
  const t = chromeMessages[lang];
  const down = link.state !== 'connected' && (link.everConnected || link.state === 'offline');
    // "Mission pack: …": what failed in the screen's language, why as it was reported.
  if (!down) return loadError ? { tone: 'warn', headline: httpMessages[lang].loadFailed(httpMessages[lang][loadError.part], loadError.detail), detail: null } : null;
  const since = link.downSince === null ? '' : t.bannerSince(jubaHoursMinutes(link.downSince + offsetMs));
  const asOf = link.lastUpdate === null ? '' : t.bannerAsOf(jubaTime(link.lastUpdate));
  if (!link.everConnected) {
    return { tone: 'offline', headline: t.bannerNoLink(since), detail: t.bannerTryingAgain };
  }
  return {
    tone: link.state === 'offline' ? 'offline' : 'reconnecting',
    headline: t.bannerLinkLost(since),
    detail: `${link.state === 'offline' ? t.bannerOutOfReach : t.bannerReconnecting}${asOf}`,
  };
}
