import type { User, UserChange } from '../../../shared/auth.js';
import { ROLE_LABEL } from '../../format/labels.js';

const SIGNED_OUT = ' Their open sessions were signed out.';

/**
 * What a change to an account did, in a sentence for the admin page.
 * @example changeText(amina, { role: 'commander' }) === 'amina is now Commander. Their open sessions were signed out.'
 */
export function changeText(user: Pick<User, 'username' | 'role'>, change: UserChange): string {
  if (change.disabled === true) return `${user.username} is disabled and signed out everywhere.`;
  if (change.disabled === false) return `${user.username} is enabled and may sign in again.`;
  if (change.role !== undefined) return `${user.username} is now ${ROLE_LABEL[user.role]}.${SIGNED_OUT}`;
  if (change.sensitive !== undefined) {
    return `${user.username} ${change.sensitive ? 'now has' : 'no longer has'} need-to-know.${SIGNED_OUT}`;
  }
  return `${user.username} saved.`;
}
