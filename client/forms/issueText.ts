import { sentence } from '../format/sentence.js';

const TOO_SHORT = /^Too small: expected (?:string|array) to have >=(\d+) (?:characters|items)$/;
const TOO_LONG = /^Too big: expected (?:string|array) to have <=(\d+) (?:characters|items)$/;
const MISSING = /^Invalid input: expected \w+, received undefined$/;
const NOT_AN_OPTION = /^Invalid option: expected one of /;

/**
 * A field issue as a person reads it. The server reports zod's own words ("Too small: expected
 * string to have >=3 characters"); the common ones are put plainly, the rest kept as sent.
 * @example issueText('Too small: expected string to have >=1 characters') === 'Required.'
 */
export function issueText(message: string): string {
  const short = TOO_SHORT.exec(message);
  if (short) return short[1] === '1' ? 'Required.' : `At least ${short[1]} characters.`;
  const long = TOO_LONG.exec(message);
  if (long) return `At most ${long[1]} characters.`;
  if (MISSING.test(message)) return 'Required.';
  if (NOT_AN_OPTION.test(message)) return 'Choose one of the options.';
  return sentence(message);
}
