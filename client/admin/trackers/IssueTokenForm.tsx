import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../shared/units.js';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useSession } from '../../session/context.js';
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
  const sorted = [...units].sort((a, b) => a.id.localeCompare(b.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const issued = await action.run(
      () => session.send('POST', '/api/admin/device-tokens', { unitId, label }, IssuedDeviceToken),
      ({ deviceToken }) => `Token "${deviceToken.label}" issued for ${deviceToken.unitId}.`,
    );
    if (!issued) return;
    setLabel('');
    onIssued({ token: issued.token, unitId: issued.deviceToken.unitId });
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-token-title">
      <h3 id="new-token-title">Issue a device token</h3>
      <div className="form-row">
        <Field id="new-token-unit" label="Unit" error={errors.unitId}>
          <select
            id="new-token-unit"
            data-testid="new-token-unit"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            {...describedBy('new-token-unit', errors.unitId)}
          >
            <option value="">Choose a unit…</option>
            {sorted.map((u) => (
              <option key={u.id} value={u.id}>
                {u.id} — {u.callsign}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-token-label" label="Label" error={errors.label} hint="which device, e.g. “Garmin inReach #12”">
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
            {action.pending ? 'Issuing…' : 'Issue token'}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-token" />
    </form>
  );
}
