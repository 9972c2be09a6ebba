import { UserRole, type User, type UserChange } from '../../../shared/auth.js';
import { ROLE_LABEL } from '../../format/labels.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { jubaStamp } from '../format.js';

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
  return (
    <tr data-testid={`user-row-${id}`} className={user.disabled ? 'row-disabled' : undefined}>
      <td className="mono">{user.username}</td>
      <td>{user.displayName}</td>
      <td>
        <select
          aria-label={`Role of ${user.username}`}
          data-testid={`user-role-${id}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => onChange({ role: UserRole.parse(e.target.value) })}
        >
          {UserRole.options.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={`Need-to-know for ${user.username}`}
          data-testid={`user-sensitive-${id}`}
          checked={user.sensitive}
          disabled={busy || (user.role === 'viewer' && !user.sensitive)}
          title={user.role === 'viewer' ? 'A viewer never gets need-to-know' : undefined}
          onChange={(e) => onChange({ sensitive: e.target.checked })}
        />
      </td>
      <td>
        <span className={`chip ${user.disabled ? 'chip-outcome-denied' : 'chip-outcome-ok'}`}>{user.disabled ? 'Disabled' : 'Active'}</span>
      </td>
      <td className="muted nowrap">{jubaStamp(user.createdAt).slice(0, -3)}</td>
      <td className="actions">
        {user.disabled ? (
          <button type="button" className="button button-small" data-testid={`user-disable-${id}`} disabled={busy} onClick={() => onChange({ disabled: false })}>
            Enable
          </button>
        ) : (
          <ConfirmButton
            label="Disable"
            confirm={`Disable ${user.username}?`}
            testId={`user-disable-${id}`}
            disabled={busy}
            onConfirm={() => onChange({ disabled: true })}
          />
        )}
        <ConfirmButton
          label="Reset password"
          confirm={`New password for ${user.username}?`}
          testId={`user-reset-${id}`}
          disabled={busy}
          onConfirm={onResetPassword}
        />
      </td>
    </tr>
  );
}
