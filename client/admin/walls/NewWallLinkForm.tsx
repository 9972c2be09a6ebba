import { useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { useSession } from '../../session/context.js';
import { IssuedWallLink } from '../replies.js';

const FIELDS = ['label'] as const;

/** Creates a link that signs a wall display in as a read-only viewer. */
export function NewWallLinkForm({ onCreated }: { onCreated: (label: string, url: string) => void }) {
  const session = useSession();
  const [label, setLabel] = useState('');
  const action = useAction(FIELDS);
  const errors = action.problems?.fields ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(
      () => session.send('POST', '/api/admin/wall-links', { label }, IssuedWallLink),
      ({ wallLink }) => `Wall link "${wallLink.label}" created. Open it once on the display.`,
    );
    if (!created) return;
    setLabel('');
    onCreated(created.wallLink.label, `${window.location.origin}${created.path}`);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-wall-title">
      <h3 id="new-wall-title">Create a wall-display link</h3>
      <div className="form-row">
        <Field id="new-wall-label" label="Label" error={errors.label} hint="where the screen is, e.g. “JOC main wall”">
          <input
            id="new-wall-label"
            data-testid="new-wall-label"
            autoComplete="off"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            {...describedBy('new-wall-label', errors.label)}
          />
        </Field>
        <div className="field field-submit">
          <button type="submit" className="button button-primary" data-testid="new-wall-submit" disabled={action.pending}>
            {action.pending ? 'Creating…' : 'Create link'}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-wall" />
    </form>
  );
}
