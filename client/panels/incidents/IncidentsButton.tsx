import { useCallback } from 'react';
import { useKeyShortcut } from '../../chrome/shortcut.js';
import { navigate, useRoute } from '../../routing/useRoute.js';
import { useOps, useOpsStore } from '../../state/context.js';
import type { IncidentSummary } from '../../../shared/incidents.js';
import { openSummary } from './incidentList.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import './incidents-panel.css';

// Units move many times a second and every move re-runs the selectors below: the count is
// worked out once per change of the incidents, not once per store update.
const summaries = new WeakMap<ReadonlyMap<string, IncidentSummary>, { count: number; worst: number }>();
function summaryOf(incidents: ReadonlyMap<string, IncidentSummary>): { count: number; worst: number } {
  let summary = summaries.get(incidents);
  if (!summary) {
    summary = openSummary(incidents.values());
    summaries.set(incidents, summary);
  }
  return summary;
}

/**
 * Opens and closes the incidents list; N does the same from anywhere but a text field. The badge
 * counts the open incidents, in the alarm colour while a critical one is among them.
 */
export function IncidentsButton() {
  const t = useMessages(panelMessages);
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const open = useOps((s) => s.incidentsPanelOpen) && !onAdmin;
  const count = useOps((s) => summaryOf(s.incidents).count);
  const critical = useOps((s) => summaryOf(s.incidents).worst === 4);
  const toggle = useCallback(() => {
    if (onAdmin) {
      navigate({ page: 'map' });
      store.setState({ incidentsPanelOpen: true });
    } else {
      store.setState((s) => ({ incidentsPanelOpen: !s.incidentsPanelOpen }));
    }
  }, [store, onAdmin]);
  useKeyShortcut('n', toggle);
  return (
    <button
      type="button"
      className="button toggle-button incidents-button"
      data-testid="open-incidents"
      aria-pressed={open}
      aria-keyshortcuts="N"
      title={t.incidentsTitle(count, critical)}
      onClick={toggle}
    >
      {t.incidents}
      <span className={`count-badge incidents-badge${critical ? ' incidents-badge-critical' : ''}`} data-testid="incidents-open-count" data-count={count}>
        {count}
      </span>
    </button>
  );
}
