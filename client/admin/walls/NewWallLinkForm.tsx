import { useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../forms/Field.js';
import { FormStatus } from '../../forms/FormStatus.js';
import { useAction } from '../../forms/useAction.js';
import { isLang, LANGUAGE_NAME, LANGUAGES, useLang, type Lang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/context.js';
import { adminMessages, wallLinkMessages } from '../messages.js';
import { IssuedWallLink } from '../replies.js';
import { wallLinkUrl } from './wallLinkUrl.js';

const FIELDS = ['label'] as const;

/** Creates a link that signs a wall display in as a read-only viewer, in the language chosen for it. */
export function NewWallLinkForm({ onCreated }: { onCreated: (label: string, url: string, lang: Lang) => void }) {
  const session = useSession();
  const [label, setLabel] = useState('');
  // The administrator's own language to start with; the wall's may differ.
  const uiLang = useLang();
  const [wallLang, setWallLang] = useState<Lang>(uiLang);
  const t = useMessages(wallLinkMessages);
  const common = useMessages(adminMessages);
  const action = useAction(FIELDS);
  const errors = action.problems?.fields ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await action.run(
      () => session.send('POST', '/api/admin/wall-links', { label }, IssuedWallLink),
      ({ wallLink }) => t.created(wallLink.label),
    );
    if (!created) return;
    setLabel('');
    onCreated(created.wallLink.label, wallLinkUrl(window.location.origin, created.path, wallLang), wallLang);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-wall-title">
      <h3 id="new-wall-title">{t.createTitle}</h3>
      <div className="form-row">
        <Field id="new-wall-label" label={common.label} error={errors.label} hint={t.labelHint}>
          <input
            id="new-wall-label"
            data-testid="new-wall-label"
            autoComplete="off"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            {...describedBy('new-wall-label', errors.label)}
          />
        </Field>
        <Field id="new-wall-lang" label={t.language} hint={t.languageHint}>
          <select
            id="new-wall-lang"
            data-testid="new-wall-lang"
            value={wallLang}
            onChange={(e) => {
              if (isLang(e.target.value)) setWallLang(e.target.value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAME[l]}
              </option>
            ))}
          </select>
        </Field>
        <div className="field field-submit">
          <button type="submit" className="button button-primary" data-testid="new-wall-submit" disabled={action.pending}>
            {action.pending ? t.creating : t.create}
          </button>
        </div>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="new-wall" />
    </form>
  );
}
