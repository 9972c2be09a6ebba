import { useServerNow } from '../chrome/useNow.js';
import { useWallView } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { alertAge } from './age.js';
import { alertTitle } from './alertTitle.js';
import { bannerAlert } from './pick.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { alertMessages } from './messages.js';
import { alertKindLabel, alertSeverityLabel, severityOf } from './severity.js';
import { useAcknowledge } from './useAcknowledge.js';
import { useFocusUnit } from './useFocusUnit.js';
import './alerts.css';

/**
 * Across the top of the map while any alert waits for acknowledgement: the worst one, in its
 * severity's colour, critical ones pulsing. Read from across the room; acted on at a desk.
 */
export function AlertBanner() {
  const lang = useLang();
  const t = useMessages(alertMessages);
  const alerts = useOps((s) => s.alerts);
  const pick = bannerAlert(alerts);
  const unit = useOps((s) => (pick?.alert.unitId ? s.units.get(pick.alert.unitId) : undefined));
  const now = useServerNow(5_000);
  const wall = useWallView();
  const store = useOpsStore();
  const focusUnit = useFocusUnit();
  const ack = useAcknowledge();
  if (!pick) return null;

  const { alert, others } = pick;
  const severity = severityOf(alert.severity);
  const busy = ack.pending.has(alert.id);
  const problem = ack.problem?.id === alert.id ? ack.problem.message : null;
  const openQueue = () => store.setState({ alertsPanelOpen: true });

  return (
    <div
      className={`alert-banner alert-sev-${severity}${severity === 4 ? ' alert-banner-pulse' : ''}`}
      role="alert"
      data-testid="alert-banner"
      data-alert-id={alert.id}
      data-severity={severity}
    >
      <span className="alert-banner-severity">{alertSeverityLabel(severity, lang)}</span>
      <span className="alert-banner-kind">{alertKindLabel(alert.kind, lang)}</span>
      {!wall && unit ? (
        <button type="button" className="alert-banner-title alert-banner-link" data-testid="alert-banner-title" title={t.showUnit} onClick={() => focusUnit(unit.id)}>
          {alertTitle(alert, lang)}
        </button>
      ) : (
        <span className="alert-banner-title" data-testid="alert-banner-title">
          {alertTitle(alert, lang)}
        </span>
      )}
      {unit && <span className="alert-banner-unit">{unit.callsign}</span>}
      <span className="alert-banner-age" data-testid="alert-banner-age">
        {alertAge(alert.raisedAt, now, lang)}
      </span>
      {alert.resolvedAt !== null && <span className="alert-tag-resolved">{t.resolved}</span>}
      {alert.escalatedAt !== null && alert.resolvedAt === null && (
        <span className="alert-tag-escalated" data-testid="alert-banner-escalated">
          {t.escalatedNotAcked}
        </span>
      )}
      <span className="alert-banner-end">
        {problem && (
          <span className="alert-banner-problem" role="status">
            {t.notAcknowledged(problem)}
          </span>
        )}
        {others > 0 &&
          (wall ? (
            <span className="alert-banner-more" data-testid="alert-banner-more">
              {t.more(others)}
            </span>
          ) : (
            <button type="button" className="alert-banner-more alert-banner-link" data-testid="alert-banner-more" title={t.openQueue} onClick={openQueue}>
              {t.more(others)}
            </button>
          ))}
        {ack.allowed && (
          <button type="button" className="alert-ack-button" data-testid="alert-ack" disabled={busy} onClick={() => ack.acknowledge(alert.id)}>
            {busy ? t.acknowledging : t.acknowledge}
          </button>
        )}
      </span>
    </div>
  );
}
