import type { IncidentStatus } from '../../../shared/incidents.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import { incidentStatusLabel } from '../../incidents/categories.js';
import type { IncidentStatusCounts as Counts, IncidentStatusFilter } from './incidentList.js';

/** Still needing someone on the first line; finished with on the second. */
const ROWS: readonly (readonly IncidentStatus[])[] = [
  ['reported', 'verified', 'responding'],
  ['resolved', 'closed', 'false-report'],
];

/**
 * How many incidents are at each step of their lifecycle (under the other filters); each count
 * narrows the list to that step, and a second click goes back to every open incident.
 */
export function IncidentStatusCounts({ counts, active, onPick }: { counts: Counts; active: IncidentStatusFilter; onPick: (status: IncidentStatusFilter) => void }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  return (
    <div className="incidents-counts" data-testid="incidents-counts">
      {ROWS.map((row) =>
        row.map((status) => (
          <button
            key={status}
            type="button"
            className={`incidents-count incidents-count-${status}`}
            data-testid={`incidents-count-${status}`}
            data-count={counts[status]}
            aria-pressed={active === status}
            title={active === status ? t.showEveryOpen : t.showOnly(incidentStatusLabel(status, lang))}
            onClick={() => onPick(active === status ? 'open' : status)}
          >
            <span className="incidents-count-n">{counts[status]}</span>
            <span className="incidents-count-label">{incidentStatusLabel(status, lang)}</span>
          </button>
        )),
      )}
    </div>
  );
}
