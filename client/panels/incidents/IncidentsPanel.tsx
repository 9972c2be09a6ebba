import { useServerNow } from '../../chrome/useNow.js';
import { useOps, useOpsStore } from '../../state/context.js';
import { VirtualList } from '../units/VirtualList.js';
import { IncidentRow, INCIDENT_ROW_HEIGHT } from './IncidentRow.js';
import { IncidentsFilters } from './IncidentsFilters.js';
import { IncidentStatusCounts } from './IncidentStatusCounts.js';
import { useFocusIncident, useIncidentFilter, useIncidentList } from './useIncidentList.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import './incidents-panel.css';

/**
 * Every incident this screen may see, newest report first, open ones unless asked otherwise;
 * a row opens the incident's details and timeline and flies the map to it.
 */
export function IncidentsPanel() {
  const t = useMessages(panelMessages);
  const store = useOpsStore();
  const [filter, setFilter] = useIncidentFilter();
  const list = useIncidentList(filter);
  // Ages ("12 min ago") move on by themselves; minutes are what this list counts in.
  const now = useServerNow(15_000);
  const selectedId = useOps((s) => (s.selection?.kind === 'incident' ? s.selection.id : null));
  const focus = useFocusIncident();
  const close = () => store.setState({ incidentsPanelOpen: false });

  return (
    <aside className="side-panel incidents-panel" data-testid="incidents-panel" aria-label={t.incidents}>
      <div className="incidents-head">
        <h2>{t.incidents}</h2>
        <span className="incidents-shown muted" data-testid="incidents-shown" data-count={list.rows.length}>
          {t.shownOf(list.rows.length, list.total)}
        </span>
        <button type="button" className="panel-close incidents-close" onClick={close} aria-label={t.closeIncidents} title={t.closeN}>
          ×
        </button>
      </div>
      <IncidentStatusCounts counts={list.counts} active={filter.status} onPick={(status) => setFilter({ ...filter, status })} />
      <IncidentsFilters filter={filter} onChange={setFilter} />
      {list.rows.length === 0 ? (
        <p className="incidents-empty muted" data-testid="incidents-empty">
          {list.total === 0 ? t.noIncidents : t.noIncidentMatches}
        </p>
      ) : (
        <VirtualList
          className="incidents-list"
          label={t.incidents}
          items={list.rows}
          rowHeight={INCIDENT_ROW_HEIGHT}
          keyOf={(incident) => incident.id}
          renderRow={(incident) => <IncidentRow incident={incident} now={now} selected={incident.id === selectedId} onSelect={focus} />}
        />
      )}
    </aside>
  );
}
