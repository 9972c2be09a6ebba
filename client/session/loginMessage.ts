import { sentence } from '../format/sentence.js';
import { jubaHoursMinutes } from '../format/time.js';
import { ReplyError } from '../http/errors.js';

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

/** What the sign-in page says when a sign-in fails: the server's reason, in plain words. */
export function loginErrorText(err: unknown, now = Date.now()): string {
  if (!(err instanceof ReplyError)) return 'Signing in failed. Try again.';
  switch (err.code) {
    case 'unauthenticated':
      return 'Wrong username or password.';
    case 'invalid_input':
      return 'Enter your username and password.';
    case 'network':
      return 'Cannot reach the server. Check the network link and try again.';
    case 'rate_limited': {
      const locked = LOCKED_UNTIL.exec(err.message);
      if (!locked) return sentence(err.message);
      const juba = jubaHoursMinutes(lockEnd(Number(locked[1]), Number(locked[2]), now));
      return `${sentence(err.message).replace(/\.$/, '')} (${juba} Juba). Try again then, or ask an administrator to reset your password.`;
    }
    default:
      return sentence(err.message);
  }
}
