import type { DeviceToken } from '../../../shared/auth.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { adminMessages, trackerMessages } from '../messages.js';
import { jubaStamp } from '../format.js';

/** Device tokens, newest first; revoking one stops its tracker at its next report. */
export function DeviceTokenTable({ tokens, busy, onRevoke }: { tokens: readonly DeviceToken[]; busy: string | null; onRevoke: (token: DeviceToken) => void }) {
  const lang = useLang();
  const t = useMessages(trackerMessages);
  const common = useMessages(adminMessages);
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="device-tokens-table">
        <thead>
          <tr>
            <th>{common.label}</th>
            <th>{common.unit}</th>
            <th>{t.issuedJuba}</th>
            <th>{common.by}</th>
            <th>{common.status}</th>
            <th>{common.actions}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid={`token-row-${token.id}`} className={token.revokedAt === null ? undefined : 'row-disabled'}>
              <td>{token.label}</td>
              <td className="mono">{token.unitId}</td>
              <td className="nowrap">{jubaStamp(token.createdAt, lang)}</td>
              <td>{token.createdBy}</td>
              <td>
                {token.revokedAt === null ? (
                  <span className="chip chip-outcome-ok">{common.active}</span>
                ) : (
                  <span className="chip chip-outcome-denied" title={jubaStamp(token.revokedAt, lang)}>
                    {common.revoked}
                  </span>
                )}
              </td>
              <td className="actions">
                {token.revokedAt === null && (
                  <ConfirmButton label={common.revoke} confirm={t.confirmRevoke} testId={`token-revoke-${token.id}`} disabled={busy === token.id} onConfirm={() => onRevoke(token)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
