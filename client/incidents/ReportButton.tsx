import { useCallback } from 'react';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { useMe } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { useMessages } from '../i18n/messages.js';
import { incidentMessages } from './messages.js';
import './incidents.css';

/**
 * Starts a report: the next click on the map places it. I does the same from anywhere but a
 * text field; pressed again, it gives up. Only for those who may report.
 */
export function ReportButton() {
  const t = useMessages(incidentMessages);
  const me = useMe();
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const active = useOps((s) => s.incidentDraft !== null);
  const allowed = me?.permissions.includes('incidents:report') ?? false;
  const toggle = useCallback(() => {
    if (!allowed) return;
    if (onAdmin) navigate({ page: 'map' });
    store.setState((s) => ({ incidentDraft: s.incidentDraft ? null : { stage: 'placing' } }));
  }, [store, onAdmin, allowed]);
  useKeyShortcut('i', toggle);
  if (!allowed) return null;
  return (
    <button
      type="button"
      className={`button${active ? ' report-button-active' : ''}`}
      data-testid="open-report"
      aria-pressed={active}
      aria-keyshortcuts="I"
      title={t.reportTitle}
      onClick={toggle}
    >
      {t.reportButton}
    </button>
  );
}
