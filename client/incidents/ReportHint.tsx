import { useEffect } from 'react';
import { useOpsStore } from '../state/context.js';
import './incidents.css';

/** Over the map while a report is being placed: what to do, and the ways out. */
export function ReportHint() {
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
        <strong>Click the map</strong> where the incident happened
      </span>
      <button type="button" className="button button-small" data-testid="report-type-location" onClick={() => store.setState({ incidentDraft: { stage: 'form', at: null } })}>
        Type the location instead
      </button>
      <button type="button" className="button button-small" data-testid="report-cancel-placing" onClick={() => store.setState({ incidentDraft: null })}>
        Cancel (Esc)
      </button>
    </div>
  );
}
