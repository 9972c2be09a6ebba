import { UserRole, type User, type UserChange } from '../../../shared/auth.js';
import { roleLabel } from '../../format/labels.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { jubaStamp } from '../format.js';
import { adminMessages, userMessages } from '../messages.js';

/** One account in the users table, with its changes. */
export function UserRow({
  user,
  busy,
  onChange,
  onResetPassword,
}: {
  user: User;
  busy: boolean;
  onChange: (change: UserChange) => void;
  onResetPassword: () => void;
}) {
  const id = user.username;
  const lang = useLang();
  const t = useMessages(userMessages);
  const common = useMessages(adminMessages);
  return (
    <tr data-testid={`user-row-${id}`} className={user.disabled ? 'row-disabled' : undefined}>
      <td className="mono">{user.username}</td>
      <td>{user.displayName}</td>
      <td>
        <select
          aria-label={t.roleOf(user.username)}
          data-testid={`user-role-${id}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => onChange({ role: UserRole.parse(e.target.value) })}
        >
          {UserRole.options.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, lang)}
            </option>
          ))}
        </select>
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={t.needToKnowFor(user.username)}
          data-testid={`user-sensitive-${id}`}
          checked={user.sensitive}
          disabled={busy || (user.role === 'viewer' && !user.sensitive)}
          title={user.role === 'viewer' ? t.viewerNever : undefined}
          onChange={(e) => onChange({ sensitive: e.target.checked })}
        />
      </td>
      <td>
        <span className={`chip ${user.disabled ? 'chip-outcome-denied' : 'chip-outcome-ok'}`}>{user.disabled ? t.disabled : common.active}</span>
      </td>
      <td className="muted nowrap">{jubaStamp(user.createdAt, lang).slice(0, -3)}</td>
      <td className="actions">
        {user.disabled ? (
          <button type="button" className="button button-small" data-testid={`user-disable-${id}`} disabled={busy} onClick={() => onChange({ disabled: false })}>
            {t.enable}
          </button>
        ) : (
          <ConfirmButton
            label={t.disable}
            confirm={t.confirmDisable(user.username)}
            testId={`user-disable-${id}`}
            disabled={busy}
            onConfirm={() => onChange({ disabled: true })}
          />
        )}
        <ConfirmButton
          label={t.resetPassword}
          confirm={t.confirmReset(user.username)}
          testId={`user-reset-${id}`}
          disabled={busy}
          onConfirm={onResetPassword}
        />
      </td>
    </tr>
  );
}
