import { jubaHoursMinutes, jubaTime } from '../format/time.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { chromeMessages } from './messages.js';
import type { Link } from '../state/store.js';

export interface LinkText {
  /** one or two words, in capitals, that a watch officer reads from across the room */
  headline: string;
  detail: string;
}

/**
 * What the link indicator says. Times are Juba local; `offsetMs` turns the client's clock
 * (when the link went down) into the server's.
 */
export function linkText(link: Link, offsetMs: number, lang: Lang = currentLang()): LinkText {
  const t = chromeMessages[lang];
  const last = link.lastUpdate === null ? t.noDataYet : t.lastUpdate(jubaTime(link.lastUpdate));
  const since = link.downSince === null ? '' : jubaHoursMinutes(link.downSince + offsetMs);
  switch (link.state) {
    case 'connected':
      return { headline: t.linkLive, detail: link.lastUpdate === null ? t.waitingForData : t.updatedAt(jubaTime(link.lastUpdate)) };
    case 'reconnecting':
      if (!link.everConnected) return { headline: t.connecting, detail: since ? t.tryingSince(since) : t.toTheServer };
      return { headline: t.reconnecting, detail: t.downSince(since, last) };
    case 'offline':
      return { headline: since ? t.offlineSince(since) : t.offline, detail: last };
  }
}
