import { jubaHoursMinutes } from '../format/time.js';
import { useMessages } from '../i18n/messages.js';
import { useOpsStore } from '../state/context.js';
import { BEFORE_REPORT_MS, enterReplay } from './actions.js';
import { replayMessages } from './messages.js';
import './replay.css';

/**
 * From an incident's details: replay the map from a few minutes before it was reported, to see
 * where the patrols were when the call came in.
 */
export function ReplayFromReport({ reportedAt }: { reportedAt: number }) {
  const store = useOpsStore();
  const from = reportedAt - BEFORE_REPORT_MS;
  const t = useMessages(replayMessages);
  return (
    <div className="replay-from-report">
      <button
        type="button"
        className="button button-small replay-from-report-button"
        data-testid="replay-from-report"
        title={t.fromReportTitle(jubaHoursMinutes(from), BEFORE_REPORT_MS / 60_000)}
        onClick={() => enterReplay(store, from)}
      >
        {t.fromReport}
      </button>
    </div>
  );
}
