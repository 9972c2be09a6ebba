import { useCallback } from 'react';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { useKeyShortcut } from './shortcut.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';

/**
 * Opens and closes the units list; U does the same from anywhere but a text field. From the
 * admin page it goes back to the map with the list open.
 */
export function UnitsButton() {
  const t = useMessages(chromeMessages);
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const open = useOps((s) => s.unitsPanelOpen) && !onAdmin;
  const toggle = useCallback(() => {
    if (onAdmin) {
      navigate({ page: 'map' });
      store.setState({ unitsPanelOpen: true });
    } else {
      store.setState((s) => ({ unitsPanelOpen: !s.unitsPanelOpen }));
    }
  }, [store, onAdmin]);
  useKeyShortcut('u', toggle);
  return (
    <button
      type="button"
      className={`button toggle-button units-button${open ? ' units-button-open' : ''}`}
      data-testid="open-units"
      aria-pressed={open}
      aria-keyshortcuts="U"
      title={t.unitsTitle}
      onClick={toggle}
    >
      {t.units}
    </button>
  );
}
