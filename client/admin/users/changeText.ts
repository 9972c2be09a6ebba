import type { User, UserChange } from '../../../shared/auth.js';
import { roleLabel } from '../../format/labels.js';
import { currentLang, type Lang } from '../../i18n/lang.js';
import { userMessages } from '../messages.js';

/**
 * What a change to an account did, in a sentence for the admin page.
 * @example changeText(amina, { role: 'commander' }) === 'amina is now Commander. Their open sessions were signed out.'
 */
export function changeText(user: Pick<User, 'username' | 'role'>, change: UserChange, lang: Lang = currentLang()): string {
  const t = userMessages[lang];
  if (change.disabled === true) return t.isDisabled(user.username);
  if (change.disabled === false) return t.isEnabled(user.username);
  if (change.role !== undefined) return t.isNow(user.username, roleLabel(user.role, lang));
  if (change.sensitive !== undefined) return t.needToKnowChanged(user.username, change.sensitive);
  return t.saved(user.username);
}
