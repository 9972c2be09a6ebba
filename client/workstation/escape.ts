import type { OpsState } from '../state/store.js';

/** The lists beside the map that Escape can close, by their flag in the store. */
export const PANEL_FLAGS = ['incidentsPanelOpen', 'unitsPanelOpen', 'patrolsPanelOpen', 'alertsPanelOpen'] as const;
export type PanelFlag = (typeof PANEL_FLAGS)[number];

/**
 * The open lists, oldest first: the ones still open keep their place and any just opened go
 * on the end, so the last one is the one on top of the commander's attention.
 */
export function openOrder(order: readonly PanelFlag[], state: Pick<OpsState, PanelFlag>): PanelFlag[] {
  const stillOpen = order.filter((flag) => state[flag]);
  const opened = PANEL_FLAGS.filter((flag) => state[flag] && !stillOpen.includes(flag));
  return [...stillOpen, ...opened];
}

export type EscapeTarget =
  | { close: 'help' | 'goTo' | 'measure' }
  | { close: 'panel'; flag: PanelFlag }
  /** something with its own Escape is on top (details panel, a report or checkpoints being placed, a form): leave it to that */
  | { close: 'theirs' }
  | { close: 'nothing' };

/**
 * What one press of Escape closes: the topmost thing only. The shortcut list over everything,
 * then a menu dropped from the header, then the "Go to" box and the measuring tool, then whatever the map's own panels close
 * (details, a report being placed, a patrol plan), and last the list opened most recently.
 */
export function escapeTarget(
  state: Pick<OpsState, 'workstation' | 'selection' | 'incidentDraft' | 'patrolDraft' | PanelFlag>,
  order: readonly PanelFlag[],
  /** a menu dropped from the header (Export) is open: it closes itself on Escape */
  headerMenuOpen = false,
): EscapeTarget {
  if (state.workstation.helpOpen) return { close: 'help' };
  if (headerMenuOpen) return { close: 'theirs' };
  if (state.workstation.goToOpen) return { close: 'goTo' };
  if (state.workstation.measure !== null) return { close: 'measure' };
  // A report or a patrol plan half filled in is not thrown away by a stray Escape.
  if (state.selection !== null || state.incidentDraft !== null || state.patrolDraft !== null) return { close: 'theirs' };
  const current = openOrder(order, state);
  const top = current.at(-1);
  return top ? { close: 'panel', flag: top } : { close: 'nothing' };
}
