import { useCallback } from 'react';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { enterReplay, leaveReplay } from './actions.js';
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
  return (
    <button
      type="button"
      className={`button toggle-button replay-button${on ? ' replay-button-on' : ''}`}
      data-testid="open-replay"
      aria-pressed={on}
      aria-keyshortcuts="R"
      title={on ? 'Back to the live map (R)' : 'Replay the last hours: where units and incidents were at any moment (R)'}
      onClick={toggle}
    >
      Replay
    </button>
  );
}
