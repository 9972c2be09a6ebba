import { useMessages } from '../i18n/messages.js';
import { workstationMessages } from './messages.js';
import { useCallback } from 'react';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOps, useOpsStore } from '../state/context.js';
import { closeGoTo, openGoTo, toggleMeasuring } from './actions.js';
import './workstation.css';

/**
 * The header's map tools: "Go to" a typed grid reference (G) and "Measure" a distance (M).
 * From the admin page, either goes back to the map first.
 */
export function ToolButtons() {
  const t = useMessages(workstationMessages);
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  const goToOpen = useOps((s) => s.workstation.goToOpen) && !onAdmin;
  const measuring = useOps((s) => s.workstation.measure !== null) && !onAdmin;

  const toMap = useCallback(() => {
    if (onAdmin) navigate({ page: 'map' });
  }, [onAdmin]);
  const goToKey = useCallback(() => {
    toMap();
    openGoTo(store);
  }, [store, toMap]);
  const goToButton = useCallback(() => {
    toMap();
    if (goToOpen) closeGoTo(store);
    else openGoTo(store);
  }, [store, toMap, goToOpen]);
  const measure = useCallback(() => {
    toMap();
    toggleMeasuring(store);
  }, [store, toMap]);
  useKeyShortcut('g', goToKey);
  useKeyShortcut('m', measure);

  return (
    <div className="tool-buttons" role="group" aria-label={t.mapTools}>
      <button
        type="button"
        className="button toggle-button"
        data-testid="open-goto"
        aria-pressed={goToOpen}
        aria-keyshortcuts="G"
        title={t.goToTitle}
        onClick={goToButton}
      >
        {t.goTo}
      </button>
      <button
        type="button"
        className="button toggle-button"
        data-testid="open-measure"
        aria-pressed={measuring}
        aria-keyshortcuts="M"
        title={measuring ? t.endMeasuringTitle : t.measureTitle}
        onClick={measure}
      >
        {t.measure}
      </button>
    </div>
  );
}
