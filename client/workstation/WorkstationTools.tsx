import { useCallback, useEffect, useRef } from 'react';
import { isTypingTarget, useKeyShortcut } from '../chrome/shortcut.js';
import { useOps, useOpsStore } from '../state/context.js';
import type { OpsState, OpsStore } from '../state/store.js';
import { closeGoTo, stopMeasuring } from './actions.js';
import { escapeTarget, openOrder, type PanelFlag } from './escape.js';
import { GoToBox } from './GoToBox.js';
import { MeasureCard } from './MeasureCard.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { updateWorkstation } from './state.js';
import { useFreeSpot } from './useFreeSpot.js';
import './workstation.css';

/** The change that closes one list. */
function closed(flag: PanelFlag): Partial<OpsState> {
  switch (flag) {
    case 'incidentsPanelOpen':
      return { incidentsPanelOpen: false };
    case 'unitsPanelOpen':
      return { unitsPanelOpen: false };
    case 'patrolsPanelOpen':
      return { patrolsPanelOpen: false };
    case 'alertsPanelOpen':
      return { alertsPanelOpen: false };
  }
}

/**
 * One press of Escape closes one thing, the topmost. It listens before the panels' own Escape
 * handlers and stops the key there when it has closed something; when the details panel or a
 * placing is on top it lets their own handlers act. Never while typing in a field: fields use
 * Escape themselves (clearing a search, closing "Go to").
 */
function useEscapeClosesTopmost(store: OpsStore): void {
  const order = useRef<PanelFlag[]>([]);
  useEffect(() => {
    order.current = openOrder(order.current, store.getState());
    const stopWatching = store.subscribe((s) => {
      order.current = openOrder(order.current, s);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || isTypingTarget(e.target)) return;
      const headerMenuOpen = document.querySelector('.header [aria-expanded="true"]') !== null;
      const target = escapeTarget(store.getState(), order.current, headerMenuOpen);
      switch (target.close) {
        case 'theirs':
        case 'nothing':
          return;
        case 'help':
          updateWorkstation(store, { helpOpen: false });
          break;
        case 'goTo':
          closeGoTo(store);
          break;
        case 'measure':
          stopMeasuring(store);
          break;
        case 'panel':
          store.setState(closed(target.flag));
          break;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      stopWatching();
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, [store]);
}

/**
 * The commander's tools over the map at a desk: "Go to", the measuring figures, the list of
 * keys (?) and Escape closing what is on top.
 */
export function WorkstationTools() {
  const store = useOpsStore();
  const goToOpen = useOps((s) => s.workstation.goToOpen);
  const measuring = useOps((s) => s.workstation.measure !== null);
  const helpOpen = useOps((s) => s.workstation.helpOpen);
  const toggleHelp = useCallback(() => updateWorkstation(store, (w) => ({ helpOpen: !w.helpOpen })), [store]);
  useKeyShortcut('?', toggleHelp);
  useEscapeClosesTopmost(store);

  return (
    <>
      {(goToOpen || measuring) && <ToolDock goTo={goToOpen} measuring={measuring} />}
      {helpOpen && <ShortcutHelp />}
    </>
  );
}

/** "Go to" and the measuring figures, at the top of the map where nothing else is in the way. */
function ToolDock({ goTo, measuring }: { goTo: boolean; measuring: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useFreeSpot(ref, 'top');
  return (
    <div ref={ref} className="workstation-dock" data-testid="workstation-dock">
      {goTo && <GoToBox />}
      {measuring && <MeasureCard />}
    </div>
  );
}
