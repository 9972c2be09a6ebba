/**
 * Every source and layer id the client adds, prefixed by what owns it so that two layers
 * never clash and a test can find them.
 */
export const BASE = {
  tilesSource: 'ops-base-tiles',
  countriesSource: 'ops-base-countries',
  bordersSource: 'ops-base-borders',
  outlineSource: 'ops-base-outline',
  countryLabelsSource: 'ops-base-country-label-points',
  background: 'ops-base-background',
  tiles: 'ops-base-tiles-raster',
  neighbours: 'ops-base-neighbours',
  southSudan: 'ops-base-south-sudan',
  borders: 'ops-base-borders-line',
  outline: 'ops-base-outline-line',
  countryLabels: 'ops-base-country-labels',
} as const;

/**
 * Empty anchor layers in the base style, bottom to top. Each layer component inserts its
 * layers just below its slot, so the stacking order never depends on which mounted first.
 */
export const SLOTS = {
  corridors: 'ops-slot-corridors',
  sites: 'ops-slot-sites',
  trails: 'ops-slot-trails',
  incidents: 'ops-slot-incidents',
  units: 'ops-slot-units',
} as const;

export const SITES = {
  pointsSource: 'ops-sites-points',
  footprintsSource: 'ops-sites-poc-footprints',
  pocFill: 'ops-sites-poc-fill',
  pocLine: 'ops-sites-poc-line',
  pocSymbol: 'ops-sites-poc-symbol',
  policeSymbol: 'ops-sites-police-symbol',
  officeSymbol: 'ops-sites-office-symbol',
  hqSymbol: 'ops-sites-hq-symbol',
} as const;

export const CORRIDORS = {
  source: 'ops-corridors',
  casing: 'ops-corridors-casing',
  line: 'ops-corridors-line',
  label: 'ops-corridors-label',
} as const;

export const UNITS = {
  source: 'ops-units',
  accuracy: 'ops-units-accuracy',
  halo: 'ops-units-halo',
  heading: 'ops-units-heading',
  marker: 'ops-units-marker',
  selected: 'ops-units-selected',
  implausibleRing: 'ops-units-implausible-ring',
  implausibleBadge: 'ops-units-implausible-badge',
  label: 'ops-units-label',
  seen: 'ops-units-seen',
} as const;

export const TRAILS = {
  source: 'ops-trails',
  line: 'ops-trails-line',
  trackSource: 'ops-trails-track',
  trackCasing: 'ops-trails-track-casing',
  trackLine: 'ops-trails-track-line',
} as const;

export const INCIDENTS = {
  source: 'ops-incidents',
  areaSource: 'ops-incidents-areas',
  areaFill: 'ops-incidents-area-fill',
  areaLine: 'ops-incidents-area-line',
  severityRing: 'ops-incidents-severity-ring',
  selected: 'ops-incidents-selected',
  marker: 'ops-incidents-marker',
  label: 'ops-incidents-label',
} as const;

/** Layers a click or hover can pick, top-most first. */
export const PICKABLE_LAYERS: readonly string[] = [
  UNITS.marker,
  UNITS.label,
  UNITS.seen,
  INCIDENTS.marker,
  INCIDENTS.label,
  SITES.hqSymbol,
  SITES.officeSymbol,
  SITES.policeSymbol,
  SITES.pocSymbol,
  SITES.pocFill,
  CORRIDORS.line,
  CORRIDORS.label,
  INCIDENTS.areaFill,
];

/** The font stack for labels: drawn locally (no glyph server), bold where the name says so. */
export const FONT_REGULAR = ['Noto Sans Regular', 'DejaVu Sans', 'sans-serif'];
export const FONT_BOLD = ['Noto Sans Bold', 'DejaVu Sans', 'sans-serif'];
