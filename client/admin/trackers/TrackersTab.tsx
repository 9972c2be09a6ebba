import { useState } from 'react';
import { z } from 'zod';
import { DeviceToken } from '../../../shared/auth.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useMessages } from '../../i18n/messages.js';
import { useMe, useSession } from '../../session/context.js';
import { trackerMessages } from '../messages.js';
import { Revoked, UnitList } from '../replies.js';
import { ShownOnce } from '../ShownOnce.js';
import { useRemote } from '../useRemote.js';
import { DeviceTokenTable } from './DeviceTokenTable.js';
import { IssueTokenForm, type Issued } from './IssueTokenForm.js';
import { RegisterUnitForm } from './RegisterUnitForm.js';
import { TokenHowTo } from './TokenHowTo.js';
import { UnitRosterTable } from './UnitRosterTable.js';

/** The unit roster and the trackers' device tokens. */
export function TrackersTab() {
  const session = useSession();
  const me = useMe();
  const units = useRemote((signal) => session.get('/api/units', UnitList, signal));
  const tokens = useRemote((signal) => session.get('/api/admin/device-tokens', z.array(DeviceToken), signal));
  const [issued, setIssued] = useState<Issued | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const revokeAction = useAction([]);
  const t = useMessages(trackerMessages);

  const revoke = async (token: DeviceToken) => {
    setBusy(token.id);
    await revokeAction.run(
      () => session.send('DELETE', `/api/admin/device-tokens/${encodeURIComponent(token.id)}`, undefined, Revoked),
      () => t.tokenRevoked(token.label, token.unitId),
    );
    setBusy(null);
    tokens.reload();
  };

  const listed = tokens.data?.filter((t) => showRevoked || t.revokedAt === null) ?? [];
  const revokedCount = tokens.data?.filter((t) => t.revokedAt !== null).length ?? 0;

  return (
    <div className="admin-section">
      <div className="admin-block">
        {me?.permissions.includes('units:manage') && <RegisterUnitForm onRegistered={units.reload} />}
        <div className="block-head">
          <h3>{t.roster} {units.data && <span className="muted">({units.data.units.length})</span>}</h3>
        </div>
        {units.error && (
          <p className="form-status form-error" role="alert">
            {units.error}
          </p>
        )}
        {units.data && <UnitRosterTable units={units.data.units} now={units.data.time} />}
      </div>

      <div className="admin-block">
        <IssueTokenForm
          units={units.data?.units ?? []}
          onIssued={(i) => {
            setIssued(i);
            tokens.reload();
          }}
        />
        {issued && (
          <ShownOnce key={issued.token} title={t.deviceTokenFor(issued.unitId)} value={issued.token} onDismiss={() => setIssued(null)}>
            <TokenHowTo unitId={issued.unitId} />
          </ShownOnce>
        )}
        <div className="block-head">
          <h3>{t.deviceTokens} {tokens.data && <span className="muted">{t.activeCount(tokens.data.length - revokedCount)}</span>}</h3>
          <label className="check">
            <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} data-testid="tokens-show-revoked" />
            <span>{t.showRevoked(revokedCount)}</span>
          </label>
          <FormStatus problems={revokeAction.problems} success={revokeAction.success} testId="token-revoke" />
        </div>
        {tokens.error && (
          <p className="form-status form-error" role="alert">
            {tokens.error}
          </p>
        )}
        <DeviceTokenTable tokens={listed} busy={busy} onRevoke={(t) => void revoke(t)} />
      </div>
    </div>
  );
}
