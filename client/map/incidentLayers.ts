import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, INCIDENTS } from './ids.js';
import { BASE_COLOURS, SELECTED_COLOUR } from './palette.js';

/** The category's diamond image (drawn by incidentIcon.ts). */
export const incidentIconName = (category: string): string => `ops-incident-${category}`;

/** Critical red, high amber: the ring that makes severity readable from across the room. */
export const SEVERITY_RING_COLOURS = { 3: '#ffb020', 4: '#ff3b30' } as const;

const colour: ExpressionSpecification = ['get', 'colour'];
const done: ExpressionSpecification = ['==', ['get', 'done'], true];

/** The marker grows with severity, and a little with zoom. */
const iconSize: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  5,
  ['match', ['get', 'severity'], 4, 0.95, 3, 0.8, 2, 0.68, 0.6],
  12,
  ['match', ['get', 'severity'], 4, 1.25, 3, 1.1, 2, 0.95, 0.85],
];

/** A filter that matches no incident, until one is selected. */
export function selectedIncidentFilter(id: string | null): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

/**
 * The incident layers, bottom to top: the coarsened area (fill, dashed ring), the severity ring,
 * the selection ring, the category's diamond, and the title from zoom 9.
 */
export function incidentLayers(): LayerSpecification[] {
  const source = INCIDENTS.source;
  return [
    {
      id: INCIDENTS.areaFill,
      type: 'fill',
      source: INCIDENTS.areaSource,
      paint: { 'fill-color': colour, 'fill-opacity': ['case', done, 0.04, 0.1] },
    },
    {
      id: INCIDENTS.areaLine,
      type: 'line',
      source: INCIDENTS.areaSource,
      paint: {
        'line-color': colour,
        'line-width': 1.5,
        'line-dasharray': [3, 2],
        'line-opacity': ['case', done, 0.35, 0.85],
      },
    },
    {
      id: INCIDENTS.severityRing,
      type: 'circle',
      source,
      filter: ['all', ['>=', ['get', 'severity'], 3], ['!=', ['get', 'done'], true]],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, ['case', ['==', ['get', 'severity'], 4], 15, 12], 12, ['case', ['==', ['get', 'severity'], 4], 20, 17]],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': ['case', ['==', ['get', 'severity'], 4], 3, 2],
        'circle-stroke-color': ['case', ['==', ['get', 'severity'], 4], SEVERITY_RING_COLOURS[4], SEVERITY_RING_COLOURS[3]],
      },
    },
    {
      id: INCIDENTS.selected,
      type: 'circle',
      source,
      filter: selectedIncidentFilter(null),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 19, 12, 24],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': 2.5,
        'circle-stroke-color': SELECTED_COLOUR,
      },
    },
    {
      id: INCIDENTS.marker,
      type: 'symbol',
      source,
      layout: {
        'icon-image': ['concat', 'ops-incident-', ['get', 'category']],
        'icon-size': iconSize,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': ['+', ['case', done, 0, 10], ['get', 'severity']],
      },
      paint: {
        'icon-opacity': ['case', done, 0.4, 1],
      },
    },
    {
      id: INCIDENTS.label,
      type: 'symbol',
      source,
      minzoom: 9,
      layout: {
        'text-field': ['get', 'title'],
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 1.3],
        'text-max-width': 16,
        'text-optional': true,
      },
      paint: {
        'text-color': colour,
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 2,
        'text-opacity': ['case', done, 0.5, 1],
      },
    },
  ];
}
