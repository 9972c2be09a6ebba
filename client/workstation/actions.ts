import type { OpsStore } from '../state/store.js';

/** The id of the "Go to" box's field, so the G key can put the cursor back in it. */
export const GO_TO_INPUT_ID = 'workstation-goto-input';

/**
 * Starts measuring with no point yet. A report or checkpoints being placed stop first: the map's
 * clicks can only go to one of them.
 */
export function startMeasuring(store: OpsStore): void {
  store.setState((s) => ({
    incidentDraft: s.incidentDraft?.stage === 'placing' ? null : s.incidentDraft,
    patrolDraft: s.patrolDraft?.placing ? { ...s.patrolDraft, placing: false } : s.patrolDraft,
    workstation: { ...s.workstation, measure: [] },
  }));
}

export function stopMeasuring(store: OpsStore): void {
  store.setState((s) => ({ workstation: { ...s.workstation, measure: null } }));
}

export function toggleMeasuring(store: OpsStore): void {
  if (store.getState().workstation.measure === null) startMeasuring(store);
  else stopMeasuring(store);
}

/** Opens the "Go to" box, or puts the cursor back in it when it is open. */
export function openGoTo(store: OpsStore): void {
  if (!store.getState().workstation.goToOpen) {
    store.setState((s) => ({ workstation: { ...s.workstation, goToOpen: true } }));
    return;
  }
  const input = document.getElementById(GO_TO_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** Closes the "Go to" box; the place it marked goes with it. */
export function closeGoTo(store: OpsStore): void {
  store.setState((s) => ({ workstation: { ...s.workstation, goToOpen: false, goToMark: null } }));
}
