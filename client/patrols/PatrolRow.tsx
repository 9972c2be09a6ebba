import { memo, useState } from 'react';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { patrolMessages } from './messages.js';
import { statusText, type PatrolRowView } from './orderList.js';

interface PatrolRowProps {
  row: PatrolRowView;
  mayCancel: boolean;
  busy: boolean;
  problem: string | null;
  onCancel: (id: string) => void;
  onFocus: (unitId: string) => void;
}

/** One order: unit, status, window in Juba time, checkpoints reached of all, each checkpoint, the return. */
export const PatrolRow = memo(function PatrolRow({ row, mayCancel, busy, problem, onCancel, onFocus }: PatrolRowProps) {
  const [asking, setAsking] = useState(false);
  const lang = useLang();
  const t = useMessages(patrolMessages);
  const live = row.status === 'planned' || row.status === 'active' || row.status === 'overdue';
  return (
    <li className={`patrol-row patrol-row-${row.status}${row.alarm ? ' patrol-row-alarm' : ''}`} data-testid={`patrol-row-${row.id}`} data-status={row.status}>
      <div className="patrol-row-line">
        <button type="button" className="patrol-row-unit" title={t.showOnMap(row.callsign)} onClick={() => onFocus(row.unitId)}>
          {row.callsign}
        </button>
        <span className={`chip chip-small patrol-chip-${row.status}`} data-testid="patrol-status">
          {statusText(row.status, lang)}
        </span>
        <span className={`patrol-row-count${row.missed > 0 ? ' patrol-row-count-missed' : ''}`} data-testid="patrol-progress">
          {t.progress(row.reached, row.total)}
          {row.missed > 0 && <strong>{t.missed(row.missed)}</strong>}
        </span>
      </div>
      <div className="patrol-row-title">{row.title}</div>
      <div className="patrol-row-window" data-testid="patrol-window">
        {row.window}
      </div>
      <ol className="patrol-checkpoints" aria-label={t.checkpoints}>
        {row.checkpoints.map((c) => (
          <li key={c.idx} className={`patrol-cp patrol-cp-${c.state}`} title={c.title} data-state={c.state}>
            {c.name}
          </li>
        ))}
      </ol>
      <div className={`patrol-row-return${row.status === 'overdue' ? ' patrol-row-return-overdue' : ''}`}>{row.returnText}</div>
      {mayCancel && live && (
        <div className="patrol-row-actions">
          {asking ? (
            <span className="patrol-confirm" role="group" aria-label={t.confirmCancel}>
              <span>{t.confirmCancel}</span>
              <button
                type="button"
                className="button button-small button-danger"
                data-testid={`patrol-cancel-confirm-${row.id}`}
                onClick={() => {
                  setAsking(false);
                  onCancel(row.id);
                }}
              >
                {t.yesCancel}
              </button>
              <button type="button" className="button button-small" onClick={() => setAsking(false)}>
                {t.no}
              </button>
            </span>
          ) : (
            <button type="button" className="button button-small" data-testid={`patrol-cancel-${row.id}`} disabled={busy} onClick={() => setAsking(true)}>
              {busy ? t.cancelling : t.cancelOrder}
            </button>
          )}
          {problem && (
            <span className="patrol-row-problem" role="status">
              {problem}
            </span>
          )}
        </div>
      )}
    </li>
  );
});
