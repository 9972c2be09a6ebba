import { useEffect } from 'react';
import { useOpsStore } from '../state/context.js';
import { useMessages } from '../i18n/messages.js';
import { incidentMessages } from './messages.js';
import './incidents.css';

/** Over the map while a report is being placed: what to do, and the ways out. */
export function ReportHint() {
  const t = useMessages(incidentMessages);
  const store = useOpsStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.setState({ incidentDraft: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <div className="report-hint" role="status" data-testid="report-hint">
      <span>
        <strong>{t.clickTheMap}</strong>
        {t.whereItHappened}
      </span>
      <button type="button" className="button button-small" data-testid="report-type-location" onClick={() => store.setState({ incidentDraft: { stage: 'form', at: null } })}>
        {t.typeInstead}
      </button>
      <button type="button" className="button button-small" data-testid="report-cancel-placing" onClick={() => store.setState({ incidentDraft: null })}>
        {t.cancelEsc}
      </button>
    </div>
  );
}
