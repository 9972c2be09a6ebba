import type { PocStatus } from '../../shared/sites.js';
import type { UnitType } from '../../shared/units.js';

/**
 * The map's colours, shared by the layers and the legend so the two cannot drift apart.
 * Chosen for a dark wall display read from metres away: saturated, distinct hues that stay
 * apart for the common colour-vision deficiencies, with shape carrying meaning as well.
 */
export const BASE_COLOURS = {
  background: '#070b11',
  neighbour: '#111822',
  southSudan: '#1a2533',
  border: '#4a5a6e',
  outline: '#a9bdd3',
  countryLabel: '#7b8a9d',
  labelHalo: '#05080c',
} as const;

export const UNIT_TYPE_COLOURS: Record<UnitType, string> = {
  'fpu-vehicle': '#3ea6ff',
  'ipo-foot': '#2ee6c8',
  'joint-patrol': '#c792ff',
  'static-post': '#e9edf2',
};

export const ACTIVITY_COLOURS = {
  responding: '#ffb020',
  sos: '#ff3b30',
} as const;

export const LOST_COLOUR = '#8a94a3';

/** The words beside a silent unit, in the header's stale and lost colours. */
export const SEEN_LABEL_COLOURS = {
  stale: '#ffcc4d',
  lost: '#ff8a80',
} as const;

/** A fix reached at an impossible speed: orange, with a "!" badge so it is not read as "responding". */
export const IMPLAUSIBLE_COLOUR = '#ff7a1a';
export const UNIT_OUTLINE = '#05080c';
export const SELECTED_COLOUR = '#ffffff';

export const SITE_COLOURS = {
  headquarters: '#4da3ff',
  fieldOffice: '#4da3ff',
  policeStation: '#78e08f',
  corridor: '#e0a96d',
  label: '#e8eef5',
} as const;

export const POC_STATUS_COLOURS: Record<PocStatus, string> = {
  'poc-site': '#ffd24d',
  'idp-camp': '#f39c4a',
  'handed-over': '#9aa5b4',
};
