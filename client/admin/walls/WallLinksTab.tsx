import { useState } from 'react';
import { z } from 'zod';
import { WallLink } from '../../../shared/auth.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import type { Lang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/context.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { jubaStamp } from '../format.js';
import { adminMessages, wallLinkMessages } from '../messages.js';
import { Revoked } from '../replies.js';
import { ShownOnce } from '../ShownOnce.js';
import { useRemote } from '../useRemote.js';
import { NewWallLinkForm } from './NewWallLinkForm.js';

/** Links that sign wall displays in as read-only viewers; revoking one signs its screens out. */
export function WallLinksTab() {
  const session = useSession();
  const links = useRemote((signal) => session.get('/api/admin/wall-links', z.array(WallLink), signal));
  const [shown, setShown] = useState<{ label: string; url: string; lang: Lang } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const revokeAction = useAction([]);
  const t = useMessages(wallLinkMessages);
  const common = useMessages(adminMessages);

  const revoke = async (link: WallLink) => {
    setBusy(link.id);
    await revokeAction.run(
      () => session.send('DELETE', `/api/admin/wall-links/${encodeURIComponent(link.id)}`, undefined, Revoked),
      () => t.revokedDone(link.label),
    );
    setBusy(null);
    links.reload();
  };

  return (
    <div className="admin-section">
      <NewWallLinkForm
        onCreated={(label, url, lang) => {
          setShown({ label, url, lang });
          links.reload();
        }}
      />
      {shown && (
        <ShownOnce key={shown.url} title={t.shownTitle(shown.label)} value={shown.url} onDismiss={() => setShown(null)}>
          <p className="how-to">
            {t.howTo} <span data-testid="wall-link-language">{t.inLanguage(shown.lang)}</span>
          </p>
        </ShownOnce>
      )}
      <div className="admin-block">
        <div className="block-head">
          <h3>{t.listTitle} {links.data && <span className="muted">({links.data.length})</span>}</h3>
          <FormStatus problems={revokeAction.problems} success={revokeAction.success} testId="wall-revoke" />
        </div>
        {links.error && (
          <p className="form-status form-error" role="alert">
            {links.error}
          </p>
        )}
        <table className="admin-table" data-testid="wall-links-table">
          <thead>
            <tr>
              <th>{common.label}</th>
              <th>{t.createdJuba}</th>
              <th>{common.by}</th>
              <th>{common.status}</th>
              <th>{common.actions}</th>
            </tr>
          </thead>
          <tbody>
            {links.data?.map((link) => (
              <tr key={link.id} data-testid={`wall-row-${link.id}`} className={link.revokedAt === null ? undefined : 'row-disabled'}>
                <td>{link.label}</td>
                <td className="nowrap">{jubaStamp(link.createdAt)}</td>
                <td>{link.createdBy}</td>
                <td>
                  {link.revokedAt === null ? (
                    <span className="chip chip-outcome-ok">{common.active}</span>
                  ) : (
                    <span className="chip chip-outcome-denied">{common.revokedAt(jubaStamp(link.revokedAt))}</span>
                  )}
                </td>
                <td className="actions">
                  {link.revokedAt === null && (
                    <ConfirmButton
                      label={common.revoke}
                      confirm={t.confirmRevoke}
                      testId={`wall-revoke-${link.id}`}
                      disabled={busy === link.id}
                      onConfirm={() => void revoke(link)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {links.data?.length === 0 && <p className="muted">{t.none}</p>}
      </div>
    </div>
  );
}
