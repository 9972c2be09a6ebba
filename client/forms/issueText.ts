import { sentence } from '../format/sentence.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { formMessages } from './messages.js';

const TOO_SHORT = /^Too small: expected (?:string|array) to have >=(\d+) (?:characters|items)$/;
const TOO_LONG = /^Too big: expected (?:string|array) to have <=(\d+) (?:characters|items)$/;
const MISSING = /^Invalid input: expected \w+, received undefined$/;
const NOT_AN_OPTION = /^Invalid option: expected one of /;

/**
 * A field issue as a person reads it. The server reports zod's own words ("Too small: expected
 * string to have >=3 characters"); the common ones are put plainly in the screen's language, the
 * rest kept as sent.
 * @example issueText('Too small: expected string to have >=1 characters') === 'Required.'
 */
export function issueText(message: string, lang: Lang = currentLang()): string {
  const t = formMessages[lang];
  const short = TOO_SHORT.exec(message);
  if (short) return short[1] === '1' ? t.required : t.atLeast(Number(short[1]));
  const long = TOO_LONG.exec(message);
  if (long) return t.atMost(Number(long[1]));
  if (MISSING.test(message)) return t.required;
  if (NOT_AN_OPTION.test(message)) return t.chooseOption;
  return sentence(message);
}
