import { jubaHoursMinutes, jubaTime } from '../format/time.js';
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
export function linkText(link: Link, offsetMs: number): LinkText {
  const last = link.lastUpdate === null ? 'no data yet' : `last update ${jubaTime(link.lastUpdate)}`;
  const since = link.downSince === null ? '' : jubaHoursMinutes(link.downSince + offsetMs);
  switch (link.state) {
    case 'connected':
      return { headline: 'LIVE', detail: link.lastUpdate === null ? 'waiting for data' : `updated ${jubaTime(link.lastUpdate)}` };
    case 'reconnecting':
      if (!link.everConnected) return { headline: 'CONNECTING…', detail: since ? `trying since ${since}` : 'to the server' };
      return { headline: 'RECONNECTING', detail: `down since ${since} · ${last}` };
    case 'offline':
      return { headline: since ? `OFFLINE since ${since}` : 'OFFLINE', detail: last };
  }
}
