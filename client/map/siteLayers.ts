import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { PocStatus } from '../../shared/sites.js';
import { FONT_BOLD, FONT_REGULAR, SITES } from './ids.js';
import { BASE_COLOURS, POC_STATUS_COLOURS, SITE_COLOURS } from './palette.js';

export const SITE_ICONS = {
  headquarters: 'ops-icon-hq',
  fieldOffice: 'ops-icon-office',
  policeStation: 'ops-icon-police',
  poc: (status: PocStatus) => `ops-icon-poc-${status}`,
} as const;

const statusColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'idp-camp',
  POC_STATUS_COLOURS['idp-camp'],
  'handed-over',
  POC_STATUS_COLOURS['handed-over'],
  POC_STATUS_COLOURS['poc-site'],
];

/** A name that appears only from a zoom on, so the country view is not crowded. */
const labelFrom = (zoom: number): ExpressionSpecification => ['step', ['zoom'], '', zoom, ['get', 'label']];

const labelPaint = {
  'text-color': SITE_COLOURS.label,
  'text-halo-color': BASE_COLOURS.labelHalo,
  'text-halo-width': 2,
} as const;

interface SymbolOptions {
  icon: ExpressionSpecification | string;
  text: ExpressionSpecification;
  size: number;
  bold: boolean;
  /** pixels; a POC site shares its field office's point, so its tent stands beside the office (the footprint shows the real extent) */
  iconOffset?: [number, number];
}

function symbolLayer(id: string, kind: string, o: SymbolOptions): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SITES.pointsSource,
    filter: ['==', ['get', 'kind'], kind],
    layout: {
      'icon-image': o.icon,
      'icon-allow-overlap': true,
      ...(o.iconOffset ? { 'icon-offset': o.iconOffset } : {}),
      'text-field': o.text,
      'text-font': o.bold ? FONT_BOLD : FONT_REGULAR,
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, o.size, 10, o.size + 3],
      // Several sites share a town: let each name find a free side of its symbol.
      'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
      'text-radial-offset': 1.1,
      'text-justify': 'auto',
      'text-optional': true,
      'text-max-width': 14,
    },
    paint: labelPaint,
  };
}


/**
 * The site layers, bottom to top: POC footprints, then POC sites, police stations, field offices
 * and headquarters, so the most important name wins when labels collide.
 */
export function siteLayers(): LayerSpecification[] {
  return [
    {
      id: SITES.pocFill,
      type: 'fill',
      source: SITES.footprintsSource,
      paint: { 'fill-color': statusColour, 'fill-opacity': 0.16 },
    },
    {
      id: SITES.pocLine,
      type: 'line',
      source: SITES.footprintsSource,
      paint: {
        'line-color': statusColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 2.5],
        'line-opacity': 0.9,
      },
    },
    symbolLayer(SITES.pocSymbol, 'poc-site', {
      icon: ['concat', 'ops-icon-poc-', ['get', 'status']],
      text: labelFrom(8),
      size: 14,
      bold: false,
      iconOffset: [16, -16],
    }),
    symbolLayer(SITES.policeSymbol, 'police-station', { icon: SITE_ICONS.policeStation, text: labelFrom(7), size: 14, bold: false }),
    symbolLayer(SITES.officeSymbol, 'field-office', { icon: SITE_ICONS.fieldOffice, text: labelFrom(0), size: 16, bold: true }),
    symbolLayer(SITES.hqSymbol, 'headquarters', { icon: SITE_ICONS.headquarters, text: labelFrom(7), size: 15, bold: true }),
  ];
}
