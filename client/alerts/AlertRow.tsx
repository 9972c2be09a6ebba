import { memo } from 'react';
import type { Alert } from '../../shared/alerts.js';
import { jubaHoursMinutes, zuluDtg } from '../format/time.js';
import { alertAge } from './age.js';
import { alertTitle } from './alertTitle.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { alertMessages } from './messages.js';
import { alertKindLabel, alertSeverityLabel, severityOf } from './severity.js';

interface AlertRowProps {
  alert: Alert;
  /** the unit's callsign, when the map knows the unit */
  callsign: string | null;
  /** server time, epoch ms */
  now: number;
  mayAcknowledge: boolean;
  busy: boolean;
  problem: string | null;
  onAcknowledge: (id: string) => void;
  onFocus: (unitId: string) => void;
}

/** One alert in the queue: how bad, what, when (Juba and Zulu), who acknowledged it and when. */
export const AlertRow = memo(function AlertRow({ alert, callsign, now, mayAcknowledge, busy, problem, onAcknowledge, onFocus }: AlertRowProps) {
  const lang = useLang();
  const t = useMessages(alertMessages);
  const severity = severityOf(alert.severity);
  const waiting = alert.acknowledgedAt === null;
  const unitId = alert.unitId;
  return (
    <li
      className={`alert-row alert-sev-${severity}${waiting ? ' alert-row-waiting' : ' alert-row-acknowledged'}`}
      data-testid={`alert-row-${alert.id}`}
      data-acknowledged={waiting ? 'false' : 'true'}
    >
      <div className="alert-row-line">
        <span className="alert-row-severity">{alertSeverityLabel(severity, lang)}</span>
        <span className="alert-row-kind">{alertKindLabel(alert.kind, lang)}</span>
        {alert.resolvedAt !== null && (
          <span className="alert-tag-resolved" title={t.causeGone(jubaHoursMinutes(alert.resolvedAt))}>
            {t.resolved}
          </span>
        )}
        {alert.escalatedAt !== null && waiting && (
          <span className="alert-tag-escalated" data-testid={`alert-escalated-${alert.id}`} title={t.escalatedAt(jubaHoursMinutes(alert.escalatedAt))}>
            {t.escalated}
          </span>
        )}
      </div>
      {unitId !== null && callsign !== null ? (
        <button type="button" className="alert-row-title alert-row-link" title={t.showCallsign(callsign)} onClick={() => onFocus(unitId)}>
          {alertTitle(alert, lang)}
        </button>
      ) : (
        <span className="alert-row-title">{alertTitle(alert, lang)}</span>
      )}
      <div className="alert-row-time">
        <span>
          {t.raised(jubaHoursMinutes(alert.raisedAt))}
        </span>
        <span className="mono">{zuluDtg(alert.raisedAt)}</span>
        <span className="muted">{alertAge(alert.raisedAt, now, lang)}</span>
      </div>
      {waiting ? (
        <div className="alert-row-action">
          {mayAcknowledge ? (
            <button type="button" className="alert-ack-button alert-ack-small" data-testid={`alert-ack-${alert.id}`} disabled={busy} onClick={() => onAcknowledge(alert.id)}>
              {busy ? t.acknowledging : t.acknowledge}
            </button>
          ) : (
            <span className="alert-row-pending">{t.notYetAcked}</span>
          )}
          {problem && (
            <span className="alert-row-problem" role="status">
              {problem}
            </span>
          )}
        </div>
      ) : (
        <div className="alert-row-acked" data-testid={`alert-acked-${alert.id}`}>
          {t.ackedBy(alert.acknowledgedBy, jubaHoursMinutes(alert.acknowledgedAt ?? 0))}
          {alert.acknowledgedAt !== null && <span className="mono muted"> ({zuluDtg(alert.acknowledgedAt)})</span>}
        </div>
      )}
    </li>
  );
});
