import { useServerNow } from '../chrome/useNow.js';
import { useOps, useOpsStore } from '../state/context.js';
import { AlertRow } from './AlertRow.js';
import { alertQueue, waitingSummary } from './queue.js';
import { useAcknowledge } from './useAcknowledge.js';
import { useFocusUnit } from './useFocusUnit.js';
import './alerts.css';

/** The shared alert queue beside the map: those to acknowledge first, newest first. */
export function AlertsPanel() {
  const store = useOpsStore();
  const alerts = useOps((s) => s.alerts);
  const units = useOps((s) => s.units);
  const now = useServerNow(5_000);
  const ack = useAcknowledge();
  const focusUnit = useFocusUnit();
  const queue = alertQueue(alerts);
  const { count } = waitingSummary(alerts);
  const close = () => store.setState({ alertsPanelOpen: false });

  return (
    <aside className="alerts-panel" data-testid="alerts-panel" aria-label="Alerts">
      <div className="alerts-head">
        <h2>Alerts</h2>
        <span className="muted alerts-waiting" data-testid="alerts-waiting" data-count={count}>
          {count === 0 ? 'all acknowledged' : `${count} to acknowledge`}
        </span>
        <button type="button" className="panel-close alerts-close" onClick={close} aria-label="Close alert queue" title="Close (A)">
          ×
        </button>
      </div>
      {queue.length === 0 ? (
        <p className="alerts-empty muted">No alerts.</p>
      ) : (
        <ol className="alerts-list" aria-label="Alert queue">
          {queue.map((alert) => (
            <AlertRow
              key={alert.id}
              alert={alert}
              callsign={alert.unitId === null ? null : (units.get(alert.unitId)?.callsign ?? null)}
              now={now}
              mayAcknowledge={ack.allowed}
              busy={ack.pending.has(alert.id)}
              problem={ack.problem?.id === alert.id ? ack.problem.message : null}
              onAcknowledge={ack.acknowledge}
              onFocus={focusUnit}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
