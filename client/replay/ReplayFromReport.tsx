import { jubaHoursMinutes } from '../format/time.js';
import { useOpsStore } from '../state/context.js';
import { BEFORE_REPORT_MS, enterReplay } from './actions.js';
import './replay.css';

/**
 * From an incident's details: replay the map from a few minutes before it was reported, to see
 * where the patrols were when the call came in.
 */
export function ReplayFromReport({ reportedAt }: { reportedAt: number }) {
  const store = useOpsStore();
  const from = reportedAt - BEFORE_REPORT_MS;
  return (
    <div className="replay-from-report">
      <button
        type="button"
        className="button button-small replay-from-report-button"
        data-testid="replay-from-report"
        title={`Replay the map from ${jubaHoursMinutes(from)} Juba, ${BEFORE_REPORT_MS / 60_000} minutes before the report`}
        onClick={() => enterReplay(store, from)}
      >
        Replay from the report
      </button>
    </div>
  );
}
