import { useCallback } from 'react';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { useMessages } from '../i18n/messages.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { patrolMessages } from './messages.js';
import { liveSummary } from './orderList.js';
import './patrols.css';

/**
 * Opens and closes the patrol orders; P does the same from anywhere but a text field. The badge
 * counts the orders under way, in the alarm colour when one is overdue or has missed a checkpoint.
 */
export function PatrolsButton() {
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const open = useOps((s) => s.patrolsPanelOpen) && !onAdmin;
  const count = useOps((s) => liveSummary(s.patrols.values()).count);
  const alarm = useOps((s) => liveSummary(s.patrols.values()).alarm);
  const toggle = useCallback(() => {
    if (onAdmin) {
      navigate({ page: 'map' });
      store.setState({ patrolsPanelOpen: true });
    } else {
      store.setState((s) => ({ patrolsPanelOpen: !s.patrolsPanelOpen }));
    }
  }, [store, onAdmin]);
  useKeyShortcut('p', toggle);
  const t = useMessages(patrolMessages);
  return (
    <button
      type="button"
      className="button toggle-button patrols-button"
      data-testid="open-patrols"
      aria-pressed={open}
      aria-keyshortcuts="P"
      title={t.buttonTitle(count, alarm)}
      onClick={toggle}
    >
      {t.patrols}
      <span className={`count-badge patrols-badge${alarm ? ' patrols-badge-alarm' : ''}`} data-testid="patrols-count" data-count={count}>
        {count}
      </span>
    </button>
  );
}
