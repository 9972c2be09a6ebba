import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MissionPack } from '../../shared/sites.js';
import type { Alert } from '../../shared/alerts.js';
import type { IncidentSummary } from '../../shared/incidents.js';
import type { PatrolOrder } from '../../shared/patrols.js';
import type { PatrolDraft } from '../patrols/draft.js';
import type { ReplayView } from '../replay/view.js';
import { INITIAL_WORKSTATION, type WorkstationState } from '../workstation/state.js';
import type { Unit } from '../../shared/units.js';
import type { Basemap } from '../http/basemap.js';
import type { ClientConfig } from '../../shared/config.js';
import type { LayerGroup } from './layers.js';
import { DEFAULT_LAYERS } from './layers.js';
import type { Selection } from './selection.js';
import type { SessionState } from './session.js';

/** How the feed's link to the server stands, as the screen must show it honestly. */
export type LinkState = 'connected' | 'reconnecting' | 'offline';

export interface Link {
  state: LinkState;
  /** client time the link went down; null while connected */
  downSince: number | null;
  /** server time of the last snapshot or delta applied; null before the first */
  lastUpdate: number | null;
  /** false until the first successful connection, so the screen can say "connecting" */
  everConnected: boolean;
}

/** Something the map needs that failed to load, and why (the server's or the client's words). */
export interface LoadFailure {
  part: 'config' | 'pack' | 'basemap';
  detail: string;
}

export interface OpsState {
  session: SessionState;
  config: ClientConfig | null;
  pack: MissionPack | null;
  basemap: Basemap | null;
  /** the latest failure to load something, shown until that thing loads */
  loadError: LoadFailure | null;
  units: ReadonlyMap<string, Unit>;
  /** incidents this screen may see (need-to-know ones coarsened by the server), by id */
  incidents: ReadonlyMap<string, IncidentSummary>;
  /** the shared alert queue, by id: the same on every screen */
  alerts: ReadonlyMap<string, Alert>;
  /** sequence number of the last snapshot or delta applied */
  seq: number | null;
  /** server clock minus client clock, so "12 s ago" does not depend on the PC's clock */
  clockOffsetMs: number;
  link: Link;
  selection: Selection | null;
  layers: Record<LayerGroup, boolean>;
  /** the list of every unit, beside the map (never on a wall display) */
  unitsPanelOpen: boolean;
  /** the alert queue, beside the map (never on a wall display) */
  alertsPanelOpen: boolean;
  /** the app asks the map to fly to a unit; a new object each time, even for the same unit */
  focusRequest: FocusRequest | null;
  /** an incident report in progress on this screen, or null */
  incidentDraft: IncidentDraft | null;
  /** patrol orders still followed and those ended lately, by id: the same on every screen */
  patrols: ReadonlyMap<string, PatrolOrder>;
  /** the patrol orders list, beside the map (never on a wall display) */
  patrolsPanelOpen: boolean;
  /** a patrol order being planned on this screen, or null */
  patrolDraft: PatrolDraft | null;
  /** replay on this screen (client/replay/), or null when the map is live */
  replay: ReplayView | null;
  /** the incidents list, beside the map (never on a wall display) */
  incidentsPanelOpen: boolean;
  /** the commander's map tools: measuring, "Go to", the shortcut list (client/workstation/) */
  workstation: WorkstationState;
}

/**
 * A report being made: first placed with a click on the map (or not: the location can be
 * typed), then filled in on the form.
 */
export type IncidentDraft = { stage: 'placing' } | { stage: 'form'; at: { lat: number; lon: number } | null };

export interface FocusRequest {
  unitId: string;
}

export type OpsStore = StoreApi<OpsState>;

export function initialState(): OpsState {
  return {
    session: { status: 'checking', problem: null },
    config: null,
    pack: null,
    basemap: null,
    loadError: null,
    units: new Map(),
    incidents: new Map(),
    alerts: new Map(),
    seq: null,
    clockOffsetMs: 0,
    link: { state: 'reconnecting', downSince: null, lastUpdate: null, everConnected: false },
    selection: null,
    layers: { ...DEFAULT_LAYERS },
    unitsPanelOpen: false,
    alertsPanelOpen: false,
    focusRequest: null,
    incidentDraft: null,
    patrols: new Map(),
    patrolsPanelOpen: false,
    patrolDraft: null,
    replay: null,
    incidentsPanelOpen: false,
    workstation: INITIAL_WORKSTATION,
  };
}

/**
 * Everything the server sent, back to nothing: what one person loaded is not left on screen
 * for the next. Layer choices belong to the screen and stay.
 */
export function withoutServerData(): Omit<OpsState, 'session' | 'layers'> {
  const { session: _session, layers: _layers, ...rest } = initialState();
  return rest;
}

export function createOpsStore(state: Partial<OpsState> = {}): OpsStore {
  return createStore<OpsState>()(() => ({ ...initialState(), ...state }));
}

/** Server time now, as best the client knows it. */
export function serverNow(state: Pick<OpsState, 'clockOffsetMs'>, clientNow = Date.now()): number {
  return clientNow + state.clockOffsetMs;
}
