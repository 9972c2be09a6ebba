import { useState, type FormEvent } from 'react';
import { UserRole, type User } from '../../../shared/auth.js';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { roleLabel } from '../../format/labels.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { userMessages } from '../messages.js';
import { useSession } from '../../session/context.js';
import { CreatedUser } from '../replies.js';

const FIELDS = ['username', 'displayName', 'role', 'sensitive'] as const;

/** Adds a person's account; the server chooses the password and it is shown once. */
export function NewUserForm({ onCreated }: { onCreated: (user: User, password: string | null) => void }) {
  const session = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('operator');
  const [sensitive, setSensitive] = useState(false);
  const action = useAction(FIELDS);
  const errors = action.problems?.fields ?? {};
  const lang = useLang();
  const t = useMessages(userMessages);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(
      () => session.send('POST', '/api/admin/users', { username, displayName, role, sensitive: role !== 'viewer' && sensitive }, CreatedUser),
      ({ user, password }) => t.created(user.username, roleLabel(user.role), password !== null),
    );
    if (!created) return;
    setUsername('');
    setDisplayName('');
    setSensitive(false);
    onCreated(created.user, created.password);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t.addTitle}</h3>
      <div className="form-row">
        <Field id="new-user-username" label={t.username} error={errors.username} hint={t.usernameHint}>
          <input
            id="new-user-username"
            data-testid="new-user-username"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            {...describedBy('new-user-username', errors.username)}
          />
        </Field>
        <Field id="new-user-name" label={t.fullName} error={errors.displayName}>
          <input
            id="new-user-name"
            data-testid="new-user-name"
            autoComplete="off"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            {...describedBy('new-user-name', errors.displayName)}
          />
        </Field>
        <Field id="new-user-role" label={t.role} error={errors.role}>
          <select
            id="new-user-role"
            data-testid="new-user-role"
            value={role}
            onChange={(e) => setRole(UserRole.parse(e.target.value))}
            {...describedBy('new-user-role', errors.role)}
          >
            {UserRole.options.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, lang)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field field-check">
          <label className="check">
            <input
              type="checkbox"
              data-testid="new-user-sensitive"
              checked={role !== 'viewer' && sensitive}
              disabled={role === 'viewer'}
              onChange={(e) => setSensitive(e.target.checked)}
            />
            <span>{t.needToKnow}</span>
          </label>
          <span className={errors.sensitive ? 'field-error' : 'field-hint muted'}>
            {errors.sensitive ?? (role === 'viewer' ? t.neverViewer : t.needToKnowHint)}
          </span>
        </div>
        <div className="field field-submit">
          <button type="submit" className="button button-primary" data-testid="new-user-submit" disabled={action.pending}>
            {action.pending ? t.adding : t.add}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-user" />
    </form>
  );
}
