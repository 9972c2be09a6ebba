import { useState } from 'react';
import { z } from 'zod';
import { User, type UserChange } from '../../../shared/auth.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/context.js';
import { adminMessages, userMessages } from '../messages.js';
import { ChosenPassword } from '../replies.js';
import { ShownOnce } from '../ShownOnce.js';
import { useRemote } from '../useRemote.js';
import { changeText } from './changeText.js';
import { NewUserForm } from './NewUserForm.js';
import { UserRow } from './UserRow.js';

/** People's accounts: add, change role and need-to-know, disable, reset a password. */
export function UsersTab() {
  const session = useSession();
  const users = useRemote((signal) => session.get('/api/admin/users', z.array(User), signal));
  const [shown, setShown] = useState<{ title: string; value: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The change being made shows at once; it stays only if the server takes it.
  const [pending, setPending] = useState<{ id: string; change: UserChange } | null>(null);
  const rowAction = useAction([]);
  const t = useMessages(userMessages);
  const common = useMessages(adminMessages);

  const change = async (user: User, patch: UserChange) => {
    setBusy(user.id);
    setPending({ id: user.id, change: patch });
    const updated = await rowAction.run(() => session.send('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, patch, User), (u) => changeText(u, patch));
    if (updated) users.update((list) => list.map((u) => (u.id === updated.id ? updated : u)));
    setPending(null);
    setBusy(null);
  };

  const resetPassword = async (user: User) => {
    setBusy(user.id);
    const reset = await rowAction.run(
      () => session.send('POST', `/api/admin/users/${encodeURIComponent(user.id)}/password`, {}, ChosenPassword),
      () => t.passwordReset(user.username),
    );
    setBusy(null);
    if (reset?.password) setShown({ title: t.newPasswordFor(user.username), value: reset.password });
  };

  return (
    <div className="admin-section">
      <NewUserForm
        onCreated={(user, password) => {
          users.reload();
          setShown(password ? { title: t.passwordFor(user.username), value: password } : null);
        }}
      />
      {shown && <ShownOnce key={shown.value} title={shown.title} value={shown.value} onDismiss={() => setShown(null)} />}
      <div className="admin-block">
        <div className="block-head">
          <h3>{t.accounts} {users.data && <span className="muted">({users.data.length})</span>}</h3>
          <FormStatus problems={rowAction.problems} success={rowAction.success} testId="user-change" />
        </div>
        {users.error && (
          <p className="form-status form-error" role="alert">
            {users.error}
          </p>
        )}
        <table className="admin-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t.username}</th>
              <th>{t.name}</th>
              <th>{t.role}</th>
              <th className="center">{t.needToKnow}</th>
              <th>{common.status}</th>
              <th>{t.createdJuba}</th>
              <th>{common.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <UserRow
                key={user.id}
                user={pending?.id === user.id ? { ...user, ...pending.change } : user}
                busy={busy === user.id}
                onChange={(patch) => void change(user, patch)}
                onResetPassword={() => void resetPassword(user)}
              />
            ))}
          </tbody>
        </table>
        {users.loading && !users.data && <p className="muted">{common.loading}</p>}
      </div>
    </div>
  );
}
