import { useCallback } from 'react';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { useMessages } from '../i18n/messages.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { enterReplay, leaveReplay } from './actions.js';
import { replayMessages } from './messages.js';
import './replay.css';

/**
 * Opens replay (the map as it was, an hour ago to start with) and closes it again; R does the
 * same from anywhere but a text field. Lit while replay is on.
 */
export function ReplayButton() {
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const on = useOps((s) => s.replay !== null);
  const toggle = useCallback(() => {
    if (onAdmin) navigate({ page: 'map' });
    if (store.getState().replay && !onAdmin) leaveReplay(store);
    else enterReplay(store);
  }, [store, onAdmin]);
  useKeyShortcut('r', toggle);
  const t = useMessages(replayMessages);
  return (
    <button
      type="button"
      className={`button toggle-button replay-button${on ? ' replay-button-on' : ''}`}
      data-testid="open-replay"
      aria-pressed={on}
      aria-keyshortcuts="R"
      title={on ? t.backTitle : t.openTitle}
      onClick={toggle}
    >
      {t.replay}
    </button>
  );
}
