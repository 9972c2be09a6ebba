import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../http/basemap.js';
import { currentLang } from '../i18n/lang.js';
import { countryLabelField, countryLabelPoints } from './countryLabels.js';
import { BASE, FONT_BOLD, SLOTS } from './ids.js';
import { BASE_COLOURS } from './palette.js';

export interface BaseStyleOptions {
  /** an XYZ raster tile URL from the server's configuration; nothing external without it */
  tilesUrl?: string | undefined;
  basemap: Basemap | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** South Sudan's extent, lon/lat, used for the first view. */
export const SOUTH_SUDAN_BOUNDS: [[number, number], [number, number]] = [
  [23.587, 3.209],
  [35.598, 12.548],
];

/**
 * The dark operations base map as a MapLibre style: a background, optionally a self-hosted
 * raster underneath, country fills (South Sudan a little lighter than its neighbours), borders
 * and the South Sudan outline. It names no glyph or sprite server: labels are drawn locally.
 */
export function buildBaseStyle({ tilesUrl, basemap }: BaseStyleOptions): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    [BASE.countriesSource]: { type: 'geojson', data: basemap?.countries ?? EMPTY },
    [BASE.bordersSource]: { type: 'geojson', data: basemap?.borders ?? EMPTY },
    [BASE.outlineSource]: { type: 'geojson', data: basemap?.southSudanOutline ?? EMPTY },
    [BASE.countryLabelsSource]: { type: 'geojson', data: basemap ? countryLabelPoints(basemap.countries) : EMPTY },
  };
  const layers: LayerSpecification[] = [
    { id: BASE.background, type: 'background', paint: { 'background-color': BASE_COLOURS.background } },
  ];
  if (tilesUrl) {
    sources[BASE.tilesSource] = { type: 'raster', tiles: [tilesUrl], tileSize: 256, maxzoom: 19 };
    layers.push({
      id: BASE.tiles,
      type: 'raster',
      source: BASE.tilesSource,
      // Dim a daylight map so the operational layers keep the contrast.
      paint: { 'raster-brightness-max': 0.55, 'raster-saturation': -0.4, 'raster-contrast': 0.1 },
    });
  }
  // Over a raster the fills only tint, so roads and towns underneath stay visible.
  const fillOpacity = tilesUrl ? 0.35 : 1;
  layers.push(
    {
      id: BASE.neighbours,
      type: 'fill',
      source: BASE.countriesSource,
      filter: ['!', ['get', 'isSouthSudan']],
      paint: { 'fill-color': BASE_COLOURS.neighbour, 'fill-opacity': fillOpacity },
    },
    {
      id: BASE.southSudan,
      type: 'fill',
      source: BASE.countriesSource,
      filter: ['get', 'isSouthSudan'],
      paint: { 'fill-color': BASE_COLOURS.southSudan, 'fill-opacity': tilesUrl ? 0 : 1 },
    },
    {
      id: BASE.borders,
      type: 'line',
      source: BASE.bordersSource,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASE_COLOURS.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 1.6],
      },
    },
    {
      id: BASE.outline,
      type: 'line',
      source: BASE.outlineSource,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASE_COLOURS.outline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.4, 8, 2.6],
        'line-opacity': 0.85,
      },
    },
    {
      id: BASE.countryLabels,
      type: 'symbol',
      source: BASE.countryLabelsSource,
      layout: {
        'text-field': countryLabelField(currentLang()),
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 13, 8, 17],
        'text-letter-spacing': 0.2,
        'text-max-width': 8,
      },
      paint: {
        'text-color': BASE_COLOURS.countryLabel,
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 1.5,
      },
    },
  );
  for (const id of Object.values(SLOTS)) {
    layers.push({ id, type: 'background', layout: { visibility: 'none' }, paint: { 'background-opacity': 0 } });
  }
  return { version: 8, name: 'UNPOL operations (offline)', sources, layers };
}
