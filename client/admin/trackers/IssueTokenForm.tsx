import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../shared/units.js';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/context.js';
import { adminMessages, trackerMessages } from '../messages.js';
import { IssuedDeviceToken } from '../replies.js';

const FIELDS = ['unitId', 'label'] as const;

export interface Issued {
  token: string;
  unitId: string;
}

/** Issues a tracker its device token, tied to one unit. */
export function IssueTokenForm({ units, onIssued }: { units: readonly Unit[]; onIssued: (issued: Issued) => void }) {
  const session = useSession();
  const [unitId, setUnitId] = useState('');
  const [label, setLabel] = useState('');
  const action = useAction(FIELDS);
  const errors = action.problems?.fields ?? {};
  const t = useMessages(trackerMessages);
  const common = useMessages(adminMessages);
  const sorted = [...units].sort((a, b) => a.id.localeCompare(b.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const issued = await action.run(
      () => session.send('POST', '/api/admin/device-tokens', { unitId, label }, IssuedDeviceToken),
      ({ deviceToken }) => t.issued(deviceToken.label, deviceToken.unitId),
    );
    if (!issued) return;
    setLabel('');
    onIssued({ token: issued.token, unitId: issued.deviceToken.unitId });
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-token-title">
      <h3 id="new-token-title">{t.issueTitle}</h3>
      <div className="form-row">
        <Field id="new-token-unit" label={common.unit} error={errors.unitId}>
          <select
            id="new-token-unit"
            data-testid="new-token-unit"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            {...describedBy('new-token-unit', errors.unitId)}
          >
            <option value="">{t.chooseUnit}</option>
            {sorted.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id} — {u.callsign}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-token-label" label={common.label} error={errors.label} hint={t.labelHint}>
          <input
            id="new-token-label"
            data-testid="new-token-label"
            autoComplete="off"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            {...describedBy('new-token-label', errors.label)}
          />
        </Field>
        <div className="field field-submit">
          <button type="submit" className="button button-primary" data-testid="new-token-submit" disabled={action.pending}>
            {action.pending ? t.issuing : t.issue}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-token" />
    </form>
  );
}
