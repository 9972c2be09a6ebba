import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { TRAILS } from './ids.js';
import { BASE_COLOURS } from './palette.js';

/** Opacity by age band (0 newest): older stretches of a trail fade. */
const TRAIL_OPACITY: ExpressionSpecification = ['match', ['get', 'age'], 0, 0.75, 1, 0.45, 0.22];

/**
 * Trails under the markers, bottom to top: every unit's thin recent path, then the selected
 * unit's last hour, thicker, on a dark casing so it reads over the others.
 */
export function trailLayers(): LayerSpecification[] {
  return [
    {
      id: TRAILS.line,
      type: 'line',
      source: TRAILS.source,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-opacity': TRAIL_OPACITY,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 10, 2, 14, 2.5],
      },
    },
    {
      id: TRAILS.trackCasing,
      type: 'line',
      source: TRAILS.trackSource,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': BASE_COLOURS.labelHalo,
        'line-opacity': 0.8,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 14, 8],
      },
    },
    {
      id: TRAILS.trackLine,
      type: 'line',
      source: TRAILS.trackSource,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 3, 14, 5],
      },
    },
  ];
}
