import type { OpsStore } from '../state/store.js';

/** A place on the map, WGS84 decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** The app asks the map to fly somewhere; a new object each time, even for the same place. */
export interface FlyRequest {
  lat: number;
  lon: number;
  /** at least this close; a closer view is kept */
  zoom: number;
}

/** A place someone went to with "Go to", marked on the map while the box stays open. */
export interface GoToMark extends LatLon {
  /** what was typed, as it was understood */
  format: 'mgrs' | 'decimal';
}

/** The commander's map tools on this screen (never on a wall display). */
export interface WorkstationState {
  /** the points of a distance being measured, in order; null while the tool is off */
  measure: readonly LatLon[] | null;
  /** the "Go to" box is open */
  goToOpen: boolean;
  /** the place last gone to, marked on the map; cleared when the box closes */
  goToMark: GoToMark | null;
  /** the list of keyboard shortcuts is shown over the map */
  helpOpen: boolean;
  flyTo: FlyRequest | null;
}

export const INITIAL_WORKSTATION: WorkstationState = {
  measure: null,
  goToOpen: false,
  goToMark: null,
  helpOpen: false,
  flyTo: null,
};

/** Changes some of the tools' state, keeping the rest. */
export function updateWorkstation(store: OpsStore, change: Partial<WorkstationState> | ((w: WorkstationState) => Partial<WorkstationState>)): void {
  store.setState((s) => ({ workstation: { ...s.workstation, ...(typeof change === 'function' ? change(s.workstation) : change) } }));
}

/** Close enough to see a place among its neighbours when flying to it. */
export const FOCUS_ZOOM = 11;
/** Closer for a typed grid reference: the place itself, with the roads around it. */
export const GO_TO_ZOOM = 13;
