import { useMessages } from '../i18n/messages.js';
import { alertMessages } from './messages.js';
import { useServerNow } from '../chrome/useNow.js';
import { useOps, useOpsStore } from '../state/context.js';
import { AlertRow } from './AlertRow.js';
import { alertQueue, waitingSummary } from './queue.js';
import { useAcknowledge } from './useAcknowledge.js';
import { useFocusUnit } from './useFocusUnit.js';
import './alerts.css';

/** The shared alert queue beside the map: those to acknowledge first, newest first. */
export function AlertsPanel() {
  const t = useMessages(alertMessages);
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
    <aside className="alerts-panel" data-testid="alerts-panel" aria-label={t.alerts}>
      <div className="alerts-head">
        <h2>{t.alerts}</h2>
        <span className="muted alerts-waiting" data-testid="alerts-waiting" data-count={count}>
          {count === 0 ? t.allAcked : t.toAck(count)}
        </span>
        <button type="button" className="panel-close alerts-close" onClick={close} aria-label={t.closeQueue} title={t.closeA}>
          ×
        </button>
      </div>
      {queue.length === 0 ? (
        <p className="alerts-empty muted">{t.noAlerts}</p>
      ) : (
        <ol className="alerts-list" aria-label={t.alertQueue}>
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
