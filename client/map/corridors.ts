import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { MissionPack } from '../../shared/sites.js';
import { formatSeason, inSeason } from '../format/labels.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { BASE_COLOURS, SITE_COLOURS } from './palette.js';
import { CORRIDORS, FONT_REGULAR } from './ids.js';

export interface CorridorFeatureProps {
  id: string;
  collection: 'corridors';
  name: string;
  /** "Dec–May" */
  season: string;
  /** "Name · Dec–May", drawn along the line */
  label: string;
  /** whether herds are on the move now: drawn brighter */
  active: boolean;
}

/** The migration corridors as lines labelled with their season; `month` (1–12) marks those in use. */
export function corridorFeatures(pack: MissionPack, month: number, lang: Lang = currentLang()): FeatureCollection<LineString, CorridorFeatureProps> {
  const features = pack.corridors.features.map(
    (f): Feature<LineString, CorridorFeatureProps> => {
      const season = formatSeason(f.properties.season, lang);
      return {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: f.geometry.coordinates },
        properties: {
          id: f.properties.id,
          collection: 'corridors',
          name: f.properties.name,
          season,
          label: `${f.properties.name} · ${season}`,
          active: inSeason(f.properties.season, month),
        },
      };
    },
  );
  return { type: 'FeatureCollection', features };
}

/** Dashed lines on a dark casing (indicative routes, not roads), with the name and season along them. */
export function corridorLayers(): LayerSpecification[] {
  const source = CORRIDORS.source;
  return [
    {
      id: CORRIDORS.casing,
      type: 'line',
      source,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASE_COLOURS.labelHalo, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 7], 'line-opacity': 0.6 },
    },
    {
      id: CORRIDORS.line,
      type: 'line',
      source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': SITE_COLOURS.corridor,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 10, 4],
        'line-dasharray': [2.5, 1.5],
        'line-opacity': ['case', ['get', 'active'], 0.95, 0.5],
      },
    },
    {
      id: CORRIDORS.label,
      type: 'symbol',
      source,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 13, 10, 15],
        'text-max-angle': 30,
        'text-offset': [0, -0.9],
        'symbol-spacing': 500,
      },
      paint: {
        'text-color': SITE_COLOURS.corridor,
        'text-opacity': ['case', ['get', 'active'], 1, 0.75],
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 2,
      },
    },
  ];
}
