import type { DeviceToken } from '../../../shared/auth.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { jubaStamp } from '../format.js';

/** Device tokens, newest first; revoking one stops its tracker at its next report. */
export function DeviceTokenTable({ tokens, busy, onRevoke }: { tokens: readonly DeviceToken[]; busy: string | null; onRevoke: (token: DeviceToken) => void }) {
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="device-tokens-table">
        <thead>
          <tr>
            <th>Label</th>
            <th>Unit</th>
            <th>Issued (Juba)</th>
            <th>By</th>
            <th>Status</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid={`token-row-${t.id}`} className={t.revokedAt === null ? undefined : 'row-disabled'}>
              <td>{t.label}</td>
              <td className="mono">{t.unitId}</td>
              <td className="nowrap">{jubaStamp(t.createdAt)}</td>
              <td>{t.createdBy}</td>
              <td>
                {t.revokedAt === null ? (
                  <span className="chip chip-outcome-ok">Active</span>
                ) : (
                  <span className="chip chip-outcome-denied" title={jubaStamp(t.revokedAt)}>
                    Revoked
                  </span>
                )}
              </td>
              <td className="actions">
                {t.revokedAt === null && (
                  <ConfirmButton label="Revoke" confirm="Revoke this token?" testId={`token-revoke-${t.id}`} disabled={busy === t.id} onConfirm={() => onRevoke(t)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
