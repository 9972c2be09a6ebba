import { useState } from 'react';
import { z } from 'zod';
import { WallLink } from '../../../shared/auth.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useSession } from '../../session/context.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { jubaStamp } from '../format.js';
import { Revoked } from '../replies.js';
import { ShownOnce } from '../ShownOnce.js';
import { useRemote } from '../useRemote.js';
import { NewWallLinkForm } from './NewWallLinkForm.js';

/** Links that sign wall displays in as read-only viewers; revoking one signs its screens out. */
export function WallLinksTab() {
  const session = useSession();
  const links = useRemote((signal) => session.get('/api/admin/wall-links', z.array(WallLink), signal));
  const [shown, setShown] = useState<{ label: string; url: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const revokeAction = useAction([]);

  const revoke = async (link: WallLink) => {
    setBusy(link.id);
    await revokeAction.run(
      () => session.send('DELETE', `/api/admin/wall-links/${encodeURIComponent(link.id)}`, undefined, Revoked),
      () => `Wall link "${link.label}" revoked; displays opened with it are signed out.`,
    );
    setBusy(null);
    links.reload();
  };

  return (
    <div className="admin-section">
      <NewWallLinkForm
        onCreated={(label, url) => {
          setShown({ label, url });
          links.reload();
        }}
      />
      {shown && (
        <ShownOnce key={shown.url} title={`Wall link for ${shown.label}`} value={shown.url} onDismiss={() => setShown(null)}>
          <p className="how-to">
            Open it once in the display’s browser; the display then stays signed in as a read-only viewer. Anyone holding the link can do the
            same until it is revoked, so pass it on as you would a password.
          </p>
        </ShownOnce>
      )}
      <div className="admin-block">
        <div className="block-head">
          <h3>Wall links {links.data && <span className="muted">({links.data.length})</span>}</h3>
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
              <th>Label</th>
              <th>Created (Juba)</th>
              <th>By</th>
              <th>Status</th>
              <th>Actions</th>
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
                    <span className="chip chip-outcome-ok">Active</span>
                  ) : (
                    <span className="chip chip-outcome-denied">Revoked {jubaStamp(link.revokedAt)}</span>
                  )}
                </td>
                <td className="actions">
                  {link.revokedAt === null && (
                    <ConfirmButton
                      label="Revoke"
                      confirm="Revoke and sign its displays out?"
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
        {links.data?.length === 0 && <p className="muted">No wall links yet.</p>}
      </div>
    </div>
  );
}
