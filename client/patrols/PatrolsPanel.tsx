import { useCallback, useState } from 'react';
import { usePerItemAction } from '../forms/usePerItemAction.js';
import { PatrolOrder } from '../../shared/patrols.js';
import { useFocusUnit } from '../alerts/useFocusUnit.js';
import { useServerNow } from '../chrome/useNow.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { useMe, useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { EMPTY_DRAFT } from './draft.js';
import { withPatrol } from './merge.js';
import { patrolMessages } from './messages.js';
import { liveSummary, patrolRows } from './orderList.js';
import { PatrolForm } from './PatrolForm.js';
import { PatrolRow } from './PatrolRow.js';
import './patrols.css';

/** Cancels orders for the person at this desk; the feed tells every other screen. */
function useCancel() {
  const session = useSession();
  const store = useOpsStore();
  const work = useCallback(
    async (id: string) => {
      const order = await session.send('POST', `/api/patrols/${encodeURIComponent(id)}/cancel`, {}, PatrolOrder);
      store.setState((s) => ({ patrols: withPatrol(s.patrols, order) }));
    },
    [session, store],
  );
  const { pending, problem, run: cancel } = usePerItemAction(work);
  return { pending, problem, cancel };
}

/**
 * Patrol orders beside the map: those overdue or with a missed checkpoint first, then those
 * under way, planned, and ended today. The desk plans a new one here.
 */
export function PatrolsPanel() {
  const store = useOpsStore();
  const me = useMe();
  const orders = useOps((s) => s.patrols);
  const units = useOps((s) => s.units);
  const planning = useOps((s) => s.patrolDraft !== null);
  const now = useServerNow(30_000);
  const focusUnit = useFocusUnit();
  const { pending, problem, cancel } = useCancel();
  const mayPlan = me?.permissions.includes('incidents:manage') ?? false;
  const lang = useLang();
  const t = useMessages(patrolMessages);
  const rows = patrolRows(orders.values(), units, now, lang);
  const { count } = liveSummary(orders.values());
  const close = () => store.setState({ patrolsPanelOpen: false, patrolDraft: null });

  return (
    <aside className="side-panel patrols-panel" data-testid="patrols-panel" aria-label={t.panel}>
      <div className="patrols-head">
        <h2>{planning ? t.plan : t.panel}</h2>
        {!planning && (
          <span className="muted patrols-under-way" data-testid="patrols-under-way" data-count={count}>
            {count === 0 ? t.noneUnderWay : t.underWay(count)}
          </span>
        )}
        <button type="button" className="panel-close patrols-close" onClick={close} aria-label={t.close} title={t.closeTitle}>
          ×
        </button>
      </div>
      {planning ? (
        <PatrolForm />
      ) : (
        <>
          {mayPlan && (
            <div className="patrols-actions">
              <button type="button" className="button button-primary" data-testid="patrol-plan" onClick={() => store.setState({ patrolDraft: EMPTY_DRAFT })}>
                {t.plan}
              </button>
            </div>
          )}
          {rows.length === 0 ? (
            <p className="patrols-empty muted">{t.empty}</p>
          ) : (
            <ol className="patrols-list" aria-label={t.panel}>
              {rows.map((row) => (
                <PatrolRow
                  key={row.id}
                  row={row}
                  mayCancel={mayPlan}
                  busy={pending.has(row.id)}
                  problem={problem?.id === row.id ? problem.message : null}
                  onCancel={cancel}
                  onFocus={focusUnit}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
