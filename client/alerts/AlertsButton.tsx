import { useMessages } from '../i18n/messages.js';
import { alertMessages } from './messages.js';
import { useCallback } from 'react';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { waitingSummary } from './queue.js';

/**
 * Opens and closes the alert queue; A does the same from anywhere but a text field. The badge
 * counts the alerts still to acknowledge, in the worst one's colour.
 */
export function AlertsButton() {
  const t = useMessages(alertMessages);
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const open = useOps((s) => s.alertsPanelOpen) && !onAdmin;
  const alerts = useOps((s) => s.alerts);
  const { count, worst } = waitingSummary(alerts);
  const toggle = useCallback(() => {
    if (onAdmin) {
      navigate({ page: 'map' });
      store.setState({ alertsPanelOpen: true });
    } else {
      store.setState((s) => ({ alertsPanelOpen: !s.alertsPanelOpen }));
    }
  }, [store, onAdmin]);
  useKeyShortcut('a', toggle);
  return (
    <button
      type="button"
      className="button toggle-button alerts-button"
      data-testid="open-alerts"
      aria-pressed={open}
      aria-keyshortcuts="A"
      title={t.queueTitle(count)}
      onClick={toggle}
    >
      {t.alerts}
      <span className={`count-badge alerts-badge${count > 0 ? ` alerts-badge-waiting alert-sev-${worst}` : ''}`} data-testid="alerts-count" data-count={count}>
        {count}
      </span>
    </button>
  );
}
