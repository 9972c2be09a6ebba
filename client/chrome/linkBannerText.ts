import { jubaHoursMinutes, jubaTime } from '../format/time.js';
import type { Link } from '../state/store.js';

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
export function linkBannerText(link: Link, offsetMs: number, loadError: string | null): LinkBannerText | null {
  const down = link.state !== 'connected' && (link.everConnected || link.state === 'offline');
  if (!down) return loadError ? { tone: 'warn', headline: loadError, detail: null } : null;
  const since = link.downSince === null ? '' : ` SINCE ${jubaHoursMinutes(link.downSince + offsetMs)} (Juba)`;
  const asOf = link.lastUpdate === null ? '' : ` · positions shown are as of ${jubaTime(link.lastUpdate)}`;
  if (!link.everConnected) {
    return { tone: 'offline', headline: `NO LINK TO THE SERVER${since}`, detail: 'Trying again by itself' };
  }
  return {
    tone: link.state === 'offline' ? 'offline' : 'reconnecting',
    headline: `LINK LOST${since}`,
    detail: `${link.state === 'offline' ? 'Server out of reach, reconnecting by itself' : 'Reconnecting by itself'}${asOf}`,
  };
}
