import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD } from '../map/ids.js';
import { BASE_COLOURS } from '../map/palette.js';
import { formatKm, legKm } from './measure.js';
import type { LatLon } from './state.js';

/** The tools' own sources and layers, prefixed so nothing else clashes with them. */
export const WORKSTATION = {
  measureSource: 'ops-workstation-measure',
  measureCasing: 'ops-workstation-measure-casing',
  measureLine: 'ops-workstation-measure-line',
  measurePreview: 'ops-workstation-measure-preview',
  measureVertex: 'ops-workstation-measure-vertex',
  measureLabel: 'ops-workstation-measure-label',
  goToSource: 'ops-workstation-goto',
  goToRing: 'ops-workstation-goto-ring',
  goToDot: 'ops-workstation-goto-dot',
} as const;

export const MEASURE_COLOUR = '#ffffff';
export const GO_TO_COLOUR = '#fff36b';

export type MeasureFeatureProps =
  | { kind: 'path' }
  /** from the last point to the pointer: the leg the next click would add */
  | { kind: 'preview' }
  | { kind: 'vertex'; idx: number }
  /** a leg's length, at its middle */
  | { kind: 'leg'; idx: number; label: string };

/**
 * What the measuring tool draws: the path clicked so far, a dashed leg to the pointer, a dot at
 * each point and each leg's length beside it.
 */
export function measureFeatures(points: readonly LatLon[], pointer: LatLon | null): FeatureCollection<Point | LineString, MeasureFeatureProps> {
  const features: Feature<Point | LineString, MeasureFeatureProps>[] = [];
  const at = (p: LatLon) => [p.lon, p.lat];
  if (points.length >= 2) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: points.map(at) }, properties: { kind: 'path' } });
  }
  const last = points.at(-1);
  if (last && pointer) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [at(last), at(pointer)] }, properties: { kind: 'preview' } });
  }
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (!from || !to) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [(from.lon + to.lon) / 2, (from.lat + to.lat) / 2] },
      properties: { kind: 'leg', idx: i - 1, label: formatKm(legKm(from, to)) },
    });
  }
  points.forEach((p, idx) => features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at(p) }, properties: { kind: 'vertex', idx } }));
  return { type: 'FeatureCollection', features };
}

export function goToFeatures(mark: LatLon | null): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: mark ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [mark.lon, mark.lat] }, properties: {} }] : [] };
}

const kindIs = (kind: MeasureFeatureProps['kind']): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** The measuring layers, bottom to top: a dark casing, the path, the leg to the pointer, the points, the lengths. */
export function measureLayers(): LayerSpecification[] {
  return [
    {
      id: WORKSTATION.measureCasing,
      type: 'line',
      source: WORKSTATION.measureSource,
      filter: kindIs('path'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.labelHalo, 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: WORKSTATION.measureLine,
      type: 'line',
      source: WORKSTATION.measureSource,
      filter: kindIs('path'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': MEASURE_COLOUR, 'line-width': 3 },
    },
    {
      id: WORKSTATION.measurePreview,
      type: 'line',
      source: WORKSTATION.measureSource,
      filter: kindIs('preview'),
      paint: { 'line-color': MEASURE_COLOUR, 'line-width': 2, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    },
    {
      id: WORKSTATION.measureVertex,
      type: 'circle',
      source: WORKSTATION.measureSource,
      filter: kindIs('vertex'),
      paint: { 'circle-radius': 5, 'circle-color': MEASURE_COLOUR, 'circle-stroke-width': 2, 'circle-stroke-color': BASE_COLOURS.labelHalo },
    },
    {
      id: WORKSTATION.measureLabel,
      type: 'symbol',
      source: WORKSTATION.measureSource,
      filter: kindIs('leg'),
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': 14,
        'text-offset': [0, -1],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': MEASURE_COLOUR, 'text-halo-color': BASE_COLOURS.labelHalo, 'text-halo-width': 2 },
    },
  ];
}

/** The "Go to" mark: a wide ring round a dot, unlike any unit, site or incident marker. */
export function goToLayers(): LayerSpecification[] {
  return [
    {
      id: WORKSTATION.goToRing,
      type: 'circle',
      source: WORKSTATION.goToSource,
      paint: {
        'circle-radius': 16,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': 3,
        'circle-stroke-color': GO_TO_COLOUR,
      },
    },
    {
      id: WORKSTATION.goToDot,
      type: 'circle',
      source: WORKSTATION.goToSource,
      paint: { 'circle-radius': 4, 'circle-color': GO_TO_COLOUR, 'circle-stroke-width': 1.5, 'circle-stroke-color': BASE_COLOURS.labelHalo },
    },
  ];
}
