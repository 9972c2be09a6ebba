import { sentence } from '../format/sentence.js';
import { jubaHoursMinutes } from '../format/time.js';
import { ReplyError } from '../http/errors.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { sessionMessages } from './messages.js';

const LOCKED_UNTIL = /locked until (\d{2}):(\d{2}) UTC/;

/**
 * The instant a "locked until hh:mm UTC" names: today, or tomorrow when the lock runs past
 * midnight UTC.
 */
export function lockEnd(hours: number, minutes: number, now: number): number {
  const d = new Date(now);
  const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hours, minutes);
  return today < now - 3_600_000 ? today + 86_400_000 : today;
}

/**
 * What the sign-in page says when a sign-in fails: the server's reason, in plain words. The
 * usual failures are worded in the reader's language; other reasons are the server's own.
 */
export function loginErrorText(err: unknown, now = Date.now(), lang: Lang = currentLang()): string {
  const t = sessionMessages[lang];
  if (!(err instanceof ReplyError)) return t.failed;
  switch (err.code) {
    case 'unauthenticated':
      return t.wrong;
    case 'invalid_input':
      return t.enterBoth;
    case 'network':
      return t.network;
    case 'rate_limited': {
      const locked = LOCKED_UNTIL.exec(err.message);
      if (!locked) return sentence(err.message);
      const juba = jubaHoursMinutes(lockEnd(Number(locked[1]), Number(locked[2]), now));
      return t.lockedUntil(sentence(err.message).replace(/\.$/, ''), juba);
    }
    default:
      return sentence(err.message);
  }
}
