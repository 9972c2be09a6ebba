import { useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_OFFICE_RETURN_RADIUS_M, MAX_CHECKPOINTS, PatrolOrder } from '../../shared/patrols.js';
import type { FieldOfficeId } from '../../shared/sites.js';
import { describedBy, Field } from '../forms/Field.js';
import { FormStatus } from '../forms/FormStatus.js';
import { issueText } from '../forms/issueText.js';
import { useAction } from '../forms/useAction.js';
import { fieldOfficeName } from '../format/labels.js';
import { formatMgrs } from '../format/position.js';
import { ReplyError } from '../http/errors.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { parseLocation } from '../incidents/location.js';
import { useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { serverNow } from '../state/store.js';
import { EMPTY_DRAFT, withCheckpoint, withCheckpointChange, withoutCheckpoint, type PatrolDraft } from './draft.js';
import { toJubaInput } from './jubaInput.js';
import { withPatrol } from './merge.js';
import { patrolFormMessages } from './messages.js';
import { buildOrder, checkpointIssue, type PatrolFormProblems } from './orderInput.js';

const FIELDS = ['unitId', 'title', 'startsAt', 'endsAt', 'checkpoints', 'returnTo'] as const;
const HOUR = 3600_000;

/**
 * Plans a patrol order: the unit, a title, the window in Juba time, checkpoints clicked on the
 * map or typed (MGRS or decimal degrees) with their radius and an optional due time, and where
 * the unit returns (its field office unless another place is typed).
 */
export function PatrolForm() {
  const session = useSession();
  const store = useOpsStore();
  const draft = useOps((s) => s.patrolDraft) ?? EMPTY_DRAFT;
  const units = useOps((s) => s.units);
  const action = useAction(FIELDS);
  const lang = useLang();
  const t = useMessages(patrolFormMessages);
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(() => toJubaInput(Math.floor(serverNow(store.getState()) / 60_000) * 60_000));
  const [end, setEnd] = useState(() => toJubaInput(Math.floor(serverNow(store.getState()) / 60_000) * 60_000 + 4 * HOUR));
  const [returnTo, setReturnTo] = useState('');
  const [typed, setTyped] = useState('');
  const [typedName, setTypedName] = useState('');
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const [local, setLocal] = useState<PatrolFormProblems | null>(null);
  const [fromServer, setFromServer] = useState<Record<number, string>>({});

  const setDraft = (change: (d: PatrolDraft) => PatrolDraft) => store.setState((s) => ({ patrolDraft: change(s.patrolDraft ?? EMPTY_DRAFT) }));
  const byOffice = useMemo(() => {
    const groups = new Map<FieldOfficeId, { id: string; callsign: string }[]>();
    for (const u of units.values()) {
      const list = groups.get(u.fieldOffice) ?? [];
      list.push({ id: u.id, callsign: u.callsign });
      groups.set(u.fieldOffice, list);
    }
    for (const list of groups.values()) list.sort((a, b) => a.callsign.localeCompare(b.callsign));
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [units]);
  const office = units.get(unitId)?.fieldOffice;
  const full = draft.checkpoints.length >= MAX_CHECKPOINTS;

  const addTyped = () => {
    const place = parseLocation(typed);
    if (!place.ok) {
      setTypedProblem(place.problem);
      return;
    }
    setTypedProblem(null);
    setDraft((d) => withCheckpoint(d, place, typedName));
    setTyped('');
    setTypedName('');
  };

  const close = () => store.setState({ patrolDraft: null });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildOrder({ unitId, title, start, end, returnTo, checkpoints: draft.checkpoints }, lang);
    setFromServer({});
    if (!built.ok) {
      setLocal(built.problems);
      return;
    }
    setLocal(null);
    const keys = draft.checkpoints.map((c) => c.key);
    void action.run(
      async () => {
        try {
          const order = await session.send('POST', '/api/patrols', built.order, PatrolOrder);
          store.setState((s) => ({ patrols: withPatrol(s.patrols, order), patrolDraft: null }));
          return order;
        } catch (err) {
          // Put the server's words about a checkpoint beside that checkpoint.
          if (err instanceof ReplyError) {
            const rows: Record<number, string> = {};
            for (const issue of err.issues) {
              const at = checkpointIssue(issue.path);
              const key = at ? keys[at.index] : undefined;
              if (key !== undefined) rows[key] ??= issueText(issue.message);
            }
            setFromServer(rows);
          }
          throw err;
        }
      },
      () => t.issued,
    );
  };

  const fieldError = (name: 'unitId' | 'start' | 'end' | 'returnTo' | 'checkpoints') => {
    const server = { unitId: 'unitId', start: 'startsAt', end: 'endsAt', returnTo: 'returnTo', checkpoints: 'checkpoints' } as const;
    return local?.[name] ?? action.problems?.fields[server[name]];
  };
  const checkpointsError = fieldError('checkpoints');

  return (
    <form className="patrol-form" data-testid="patrol-form" onSubmit={submit} noValidate>
      <Field id="patrol-unit" label={t.unit} error={fieldError('unitId')}>
        <select id="patrol-unit" data-testid="patrol-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)} {...describedBy('patrol-unit', fieldError('unitId'))}>
          <option value="">{t.choose}</option>
          {byOffice.map(([officeId, list]) => (
            <optgroup key={officeId} label={fieldOfficeName(officeId)}>
              {list.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.callsign}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field id="patrol-title" label={t.task} error={action.problems?.fields.title}>
        <input
          id="patrol-title"
          data-testid="patrol-title"
          value={title}
          maxLength={120}
          placeholder={t.taskPlaceholder}
          onChange={(e) => setTitle(e.target.value)}
          {...describedBy('patrol-title', action.problems?.fields.title)}
        />
      </Field>
      <div className="patrol-form-times">
        <Field id="patrol-start" label={t.start} error={fieldError('start')}>
          <input
            id="patrol-start"
            data-testid="patrol-start"
            className="mono"
            value={start}
            placeholder={t.dateTimePlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setStart(e.target.value)}
            {...describedBy('patrol-start', fieldError('start'))}
          />
        </Field>
        <Field id="patrol-end" label={t.end} error={fieldError('end')}>
          <input
            id="patrol-end"
            data-testid="patrol-end"
            className="mono"
            value={end}
            placeholder={t.dateTimePlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setEnd(e.target.value)}
            {...describedBy('patrol-end', fieldError('end'))}
          />
        </Field>
      </div>

      <fieldset className="patrol-form-checkpoints">
        <legend>
          {t.checkpoints} <span className="muted">{t.count(draft.checkpoints.length, MAX_CHECKPOINTS)}</span>
        </legend>
        {draft.checkpoints.length > 0 && (
          <ol className="patrol-form-cps" data-testid="patrol-form-checkpoints">
            {draft.checkpoints.map((c, i) => {
              const problem = local?.checkpoint[c.key] ?? fromServer[c.key];
              return (
                <li key={c.key} className={`patrol-form-cp${problem ? ' patrol-form-cp-invalid' : ''}`} data-testid="patrol-form-checkpoint">
                  <span className="patrol-form-cp-n">{i + 1}</span>
                  <div className="patrol-form-cp-body">
                    <input
                      aria-label={t.cpName(i + 1)}
                      className="patrol-form-cp-name"
                      value={c.name}
                      maxLength={60}
                      onChange={(e) => setDraft((d) => withCheckpointChange(d, c.key, { name: e.target.value }))}
                    />
                    <span className="mono patrol-form-cp-where">{formatMgrs(c.lon, c.lat)}</span>
                    <label className="patrol-form-cp-small">
                      {t.radius}
                      <input inputMode="numeric" value={c.radiusM} onChange={(e) => setDraft((d) => withCheckpointChange(d, c.key, { radiusM: e.target.value }))} />
                    </label>
                    <label className="patrol-form-cp-small">
                      {t.dueBy}
                      <input
                        className="mono"
                        value={c.due}
                        placeholder={t.duePlaceholder}
                        autoComplete="off"
                        onChange={(e) => setDraft((d) => withCheckpointChange(d, c.key, { due: e.target.value }))}
                      />
                    </label>
                    {problem && (
                      <span className="field-error" role="status">
                        {problem}
                      </span>
                    )}
                  </div>
                  <button type="button" className="panel-close patrol-form-cp-remove" aria-label={t.remove(c.name)} title={t.removeTitle} onClick={() => setDraft((d) => withoutCheckpoint(d, c.key))}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        {checkpointsError && (
          <span className="field-error" data-testid="patrol-checkpoints-error">
            {checkpointsError}
          </span>
        )}
        <div className="patrol-form-add">
          <button
            type="button"
            className={`button${draft.placing ? ' patrol-placing-active' : ''}`}
            data-testid="patrol-place"
            aria-pressed={draft.placing}
            disabled={full && !draft.placing}
            onClick={() => setDraft((d) => ({ ...d, placing: !d.placing }))}
          >
            {draft.placing ? t.doneClicking : t.clickMap}
          </button>
          {draft.placing && <span className="patrol-placing-hint">{t.placingHint}</span>}
        </div>
        <div className="patrol-form-typed">
          <input
            aria-label={t.typedLocation}
            data-testid="patrol-typed-location"
            className="mono"
            value={typed}
            placeholder={t.locationPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
          />
          <input aria-label={t.typedName} data-testid="patrol-typed-name" value={typedName} maxLength={60} placeholder={t.namePlaceholder} onChange={(e) => setTypedName(e.target.value)} />
          <button type="button" className="button button-small" data-testid="patrol-add-typed" disabled={full} onClick={addTyped}>
            {t.add}
          </button>
        </div>
        {typedProblem && (
          <span className="field-error" data-testid="patrol-typed-error">
            {typedProblem}
          </span>
        )}
      </fieldset>

      <Field id="patrol-return" label={t.returnTo}
        error={fieldError('returnTo')}
        hint={office ? t.returnHint(fieldOfficeName(office), DEFAULT_OFFICE_RETURN_RADIUS_M / 1000) : t.returnHintAny}
      >
        <input
          id="patrol-return"
          data-testid="patrol-return"
          className="mono"
          value={returnTo}
          placeholder={t.returnPlaceholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setReturnTo(e.target.value)}
          {...describedBy('patrol-return', fieldError('returnTo'))}
        />
      </Field>

      <div className="report-buttons patrol-form-buttons">
        <button type="submit" className="button button-primary" data-testid="patrol-submit" disabled={action.pending}>
          {action.pending ? t.issuing : t.issue}
        </button>
        <button type="button" className="button" onClick={close}>
          {t.cancel}
        </button>
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="patrol" />
    </form>
  );
}
