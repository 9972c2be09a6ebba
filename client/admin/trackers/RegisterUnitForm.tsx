import { useState, type FormEvent } from 'react';
import { FieldOfficeId } from '../../../shared/sites.js';
import { UnitType } from '../../../shared/units.js';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { fieldOfficeName, unitTypeLabel } from '../../format/labels.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { trackerMessages } from '../messages.js';
import { useSession } from '../../session/context.js';
import { Registered } from '../replies.js';

const FIELDS = ['id', 'callsign', 'type', 'fieldOffice'] as const;

/** Puts one unit on the roster (POST /api/units); registering an id again updates it. */
export function RegisterUnitForm({ onRegistered }: { onRegistered: () => void }) {
  const session = useSession();
  const [id, setId] = useState('');
  const [callsign, setCallsign] = useState('');
  const [type, setType] = useState<UnitType>('fpu-vehicle');
  const [fieldOffice, setFieldOffice] = useState<FieldOfficeId>('juba');
  const action = useAction(FIELDS, 'units[0].');
  const errors = action.problems?.fields ?? {};
  const lang = useLang();
  const t = useMessages(trackerMessages);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unit = { id: id.trim(), callsign, type, fieldOffice };
    const done = await action.run(
      () => session.send('POST', '/api/units', { units: [unit] }, Registered),
      () => t.registered(unit.id, callsign.trim()),
    );
    if (!done) return;
    setId('');
    setCallsign('');
    onRegistered();
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-unit-title">
      <h3 id="new-unit-title">{t.registerTitle}</h3>
      <div className="form-row">
        <Field id="new-unit-id" label={t.unitIdLabel} error={errors.id} hint={t.unitIdHint}>
          <input
            id="new-unit-id"
            data-testid="new-unit-id"
            autoComplete="off"
            spellCheck={false}
            value={id}
            onChange={(e) => setId(e.target.value)}
            {...describedBy('new-unit-id', errors.id)}
          />
        </Field>
        <Field id="new-unit-callsign" label={t.callsign} error={errors.callsign}>
          <input
            id="new-unit-callsign"
            data-testid="new-unit-callsign"
            autoComplete="off"
            value={callsign}
            onChange={(e) => setCallsign(e.target.value)}
            {...describedBy('new-unit-callsign', errors.callsign)}
          />
        </Field>
        <Field id="new-unit-type" label={t.type} error={errors.type}>
          <select id="new-unit-type" data-testid="new-unit-type" value={type} onChange={(e) => setType(UnitType.parse(e.target.value))}>
            {UnitType.options.map((option) => (
              <option key={option} value={option}>
                {unitTypeLabel(option, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-unit-office" label={t.fieldOffice} error={errors.fieldOffice}>
          <select
            id="new-unit-office"
            data-testid="new-unit-office"
            value={fieldOffice}
            onChange={(e) => setFieldOffice(FieldOfficeId.parse(e.target.value))}
          >
            {FieldOfficeId.options.map((o) => (
              <option key={o} value={o}>
                {fieldOfficeName(o)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field field-submit">
          <button type="submit" className="button button-primary" data-testid="new-unit-submit" disabled={action.pending}>
            {action.pending ? t.registering : t.register}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-unit" />
    </form>
  );
}
