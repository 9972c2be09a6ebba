import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, UNITS } from './ids.js';
import { BASE_COLOURS, IMPLAUSIBLE_COLOUR, SEEN_LABEL_COLOURS, SELECTED_COLOUR, SITE_COLOURS } from './palette.js';

export const HEADING_ICON = 'ops-icon-heading';
export const IMPLAUSIBLE_ICON = 'ops-icon-implausible';

/**
 * Metres per pixel at zoom 0 in the middle of South Sudan (lat ≈ 7.5°), for 512-px tiles.
 * Accuracy rings scale with 2^zoom from here; the latitude error across the country is < 2 %.
 */
const METRES_PER_PIXEL_Z0 = 78_271.517 * Math.cos((7.5 * Math.PI) / 180);

const isEmergency: ExpressionSpecification = ['in', ['get', 'activity'], ['literal', ['sos', 'responding']]];
const isSos: ExpressionSpecification = ['==', ['get', 'activity'], 'sos'];

/** The marker radius by zoom, larger for an SOS so it is seen from across the room; `extra` pixels around it. */
function markerRadiusPlus(extra: number): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    4,
    ['case', isSos, 9 + extra, 6 + extra],
    8,
    ['case', isSos, 10 + extra, 7.5 + extra],
    13,
    ['case', isSos, 12 + extra, 9 + extra],
    16,
    ['case', isSos, 14 + extra, 11 + extra],
  ];
}

const isLost: ExpressionSpecification = ['==', ['get', 'status'], 'lost'];
const isImplausible: FilterSpecification = ['==', ['get', 'implausible'], true];

/** A filter that matches no unit, until one is selected. */
export function selectedFilter(unitId: string | null): FilterSpecification {
  return ['==', ['get', 'id'], unitId ?? ''];
}

/**
 * The unit layers, bottom to top: accuracy ring, emergency halo, heading arrow, marker, selection
 * ring, implausible-fix ring and badge, callsign, and "last seen" for units that are not live.
 */
export function unitLayers(): LayerSpecification[] {
  const source = UNITS.source;
  return [
    {
      id: UNITS.accuracy,
      type: 'circle',
      source,
      minzoom: 9,
      filter: ['all', ['>', ['get', 'accuracy'], 0], ['!=', ['get', 'status'], 'lost']],
      paint: {
        'circle-radius': [
          'interpolate',
          ['exponential', 2],
          ['zoom'],
          0,
          ['/', ['get', 'accuracy'], METRES_PER_PIXEL_Z0],
          22,
          ['/', ['get', 'accuracy'], METRES_PER_PIXEL_Z0 / 2 ** 22],
        ],
        'circle-color': ['get', 'color'],
        'circle-opacity': 0.08,
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.45,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: UNITS.halo,
      type: 'circle',
      source,
      filter: ['all', isEmergency, ['!=', ['get', 'status'], 'lost']],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, ['case', isSos, 20, 14], 13, ['case', isSos, 26, 18]],
        'circle-color': ['get', 'color'],
        'circle-opacity': 0.28,
        'circle-blur': 0.4,
      },
    },
    {
      id: UNITS.heading,
      type: 'symbol',
      source,
      // At country scale the arrows are clutter; they help once patrols are apart.
      minzoom: 7,
      filter: ['==', ['get', 'showHeading'], true],
      layout: {
        'icon-image': HEADING_ICON,
        'icon-rotate': ['get', 'heading'],
        'icon-rotation-alignment': 'map',
        'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 13, 1.1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: { 'icon-opacity': ['case', ['==', ['get', 'status'], 'stale'], 0.45, 0.95] },
    },
    {
      id: UNITS.marker,
      type: 'circle',
      source,
      paint: {
        'circle-radius': markerRadiusPlus(0),
        'circle-color': ['get', 'color'],
        'circle-opacity': ['get', 'fillOpacity'],
        'circle-stroke-color': ['get', 'strokeColor'],
        'circle-stroke-width': ['get', 'strokeWidth'],
        'circle-stroke-opacity': ['get', 'strokeOpacity'],
      },
    },
    {
      id: UNITS.selected,
      type: 'circle',
      source,
      filter: selectedFilter(null),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 12, 13, 15, 16, 17],
        'circle-opacity': 0,
        'circle-stroke-color': SELECTED_COLOUR,
        'circle-stroke-width': 3,
      },
    },
    {
      id: UNITS.implausibleRing,
      type: 'circle',
      source,
      filter: isImplausible,
      paint: {
        'circle-radius': markerRadiusPlus(5),
        'circle-opacity': 0,
        'circle-stroke-color': IMPLAUSIBLE_COLOUR,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: UNITS.implausibleBadge,
      type: 'symbol',
      source,
      filter: isImplausible,
      layout: {
        'icon-image': IMPLAUSIBLE_ICON,
        'icon-anchor': 'bottom-left',
        'icon-offset': [4, -4],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.85, 13, 1.1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: UNITS.label,
      type: 'symbol',
      source,
      minzoom: 8,
      layout: {
        'text-field': ['get', 'callsign'],
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 13, 14, 16],
        'text-anchor': 'left',
        'text-offset': [1.1, 0],
        'text-optional': true,
        'text-padding': 2,
        'symbol-sort-key': ['-', 0, ['get', 'rank']],
      },
      paint: {
        'text-color': SITE_COLOURS.label,
        'text-opacity': ['case', ['==', ['get', 'status'], 'live'], 1, 0.6],
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 2,
      },
    },
    {
      id: UNITS.seen,
      type: 'symbol',
      source,
      // At every zoom: a silent patrol must be seen as silent even where callsigns are hidden.
      filter: ['!=', ['get', 'seen'], ''],
      layout: {
        'text-field': ['get', 'seen'],
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 13, 10, 14, 14, 16],
        'text-anchor': 'top',
        'text-offset': [0, 0.85],
        // One line: "lost · last seen 23 min ago" must not wrap into a block.
        'text-max-width': 30,
        'text-padding': 1,
        // Lost units win a crowded spot over stale ones.
        'symbol-sort-key': ['case', isLost, 0, 1],
      },
      paint: {
        'text-color': ['case', isLost, SEEN_LABEL_COLOURS.lost, SEEN_LABEL_COLOURS.stale],
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 2.5,
      },
    },
  ];
}
