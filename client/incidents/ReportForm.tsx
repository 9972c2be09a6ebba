import { useState, type FormEvent } from 'react';
import { IncidentCategory, IncidentSummary } from '../../shared/incidents.js';
import { describedBy, Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useAction } from '../forms/useAction.js';
import { formatDecimalDegrees, formatMgrs } from '../format/position.js';
import { useSession } from '../session/context.js';
import { useOpsStore } from '../state/context.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { categoryLabel, severityText } from './categories.js';
import { incidentMessages } from './messages.js';
import { parseLocation } from './location.js';
import './incidents.css';

const FIELDS = ['location', 'category', 'severity', 'title', 'description', 'protected'] as const;

/** Files a new incident; the location comes from a click on the map or is typed (MGRS or degrees). */
export function ReportForm({ at }: { at: { lat: number; lon: number } | null }) {
  const lang = useLang();
  const t = useMessages(incidentMessages);
  const session = useSession();
  const store = useOpsStore();
  const action = useAction(FIELDS);
  const [location, setLocation] = useState(() => (at ? formatMgrs(at.lon, at.lat) : ''));
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('2');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [protectedCase, setProtectedCase] = useState(false);
  const [checked, setChecked] = useState(false);
  const [categoryMissing, setCategoryMissing] = useState(false);

  const parsed = parseLocation(location, lang);
  const locationError = (checked && !parsed.ok ? parsed.problem : undefined) ?? action.problems?.fields.location;
  const categoryError = (categoryMissing ? t.chooseCategory : undefined) ?? action.problems?.fields.category;
  const close = () => store.setState({ incidentDraft: null });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setCategoryMissing(category === '');
    if (!parsed.ok || category === '') return;
    const body = {
      category,
      severity: Number(severity),
      title,
      description,
      protected: protectedCase,
      location: { lat: parsed.lat, lon: parsed.lon },
    };
    void action.run(
      async () => {
        const created = await session.send('POST', '/api/incidents', body, IncidentSummary);
        store.setState((s) => ({
          incidents: new Map(s.incidents).set(created.id, created),
          selection: { kind: 'incident', id: created.id },
          incidentDraft: null,
        }));
        return created;
      },
      () => t.reported,
    );
  };

  return (
    <aside className="panel" data-testid="report-form-panel" aria-label={t.formTitle}>
      <button type="button" className="panel-close" onClick={close} aria-label={t.closeReport} title={t.close}>
        ×
      </button>
      <h2>{t.formTitle}</h2>
      <form className="report-form" data-testid="report-form" onSubmit={submit} noValidate>
        <Field id="report-location" label={t.location} error={locationError}>
          <input
            id="report-location"
            data-testid="report-location"
            className="mono"
            value={location}
            placeholder="36N UR 44922 51369 or 9.55, 31.66"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setLocation(e.target.value)}
            onBlur={() => setChecked(location.trim() !== '')}
            {...describedBy('report-location', locationError)}
          />
        </Field>
        {parsed.ok && (
          <div className="report-location-reading muted" data-testid="report-location-reading">
            {parsed.format === 'mgrs' ? formatDecimalDegrees(parsed.lon, parsed.lat) : formatMgrs(parsed.lon, parsed.lat)}
          </div>
        )}
        <Field id="report-category" label={t.category} error={categoryError}>
          <select
            id="report-category"
            data-testid="report-category"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              setCategoryMissing(false);
            }}
            {...describedBy('report-category', categoryError)}
          >
            <option value="">{t.choose}</option>
            {IncidentCategory.options.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="report-severity" label={t.severity} error={action.problems?.fields.severity}>
          <select id="report-severity" data-testid="report-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {severityText(n, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="report-title" label={t.title} error={action.problems?.fields.title}>
          <input
            id="report-title"
            data-testid="report-title"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            {...describedBy('report-title', action.problems?.fields.title)}
          />
        </Field>
        <Field id="report-description" label={t.description} error={action.problems?.fields.description}>
          <textarea id="report-description" data-testid="report-description" value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <label className="layer-toggle">
          <input type="checkbox" data-testid="report-protected" checked={protectedCase} onChange={(e) => setProtectedCase(e.target.checked)} />
          <span>{t.protectedCase}</span>
        </label>
        <div className="report-buttons">
          <button type="submit" className="button button-primary" data-testid="report-submit" disabled={action.pending}>
            {action.pending ? t.reporting : t.report}
          </button>
          <button type="button" className="button" onClick={() => store.setState({ incidentDraft: { stage: 'placing' } })}>
            {t.pickOnMap}
          </button>
          <button type="button" className="button" onClick={close}>
            {t.cancel}
          </button>
        </div>
        <FormStatus problems={action.problems} success={action.success} testId="report" />
      </form>
    </aside>
  );
}
