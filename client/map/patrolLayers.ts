import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { checkpointState, isLivePatrol, type CheckpointState, type PatrolOrder } from '../../shared/patrols.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { patrolMessages } from '../patrols/messages.js';
import { FONT_BOLD, FONT_REGULAR } from './ids.js';
import { BASE_COLOURS } from './palette.js';

/** The patrol-order layers' own sources and layers (prefixed so nothing else clashes with them). */
export const PATROLS = {
  routeSource: 'ops-patrols-routes',
  pointSource: 'ops-patrols-points',
  routeCasing: 'ops-patrols-route-casing',
  route: 'ops-patrols-route',
  routeLabel: 'ops-patrols-route-label',
  returnPoint: 'ops-patrols-return',
  checkpoint: 'ops-patrols-checkpoint',
  checkpointLabel: 'ops-patrols-checkpoint-label',
} as const;

/**
 * A planned route is a pale pencil line; an overdue patrol's turns red. Checkpoints: hollow
 * until reached (green), red when missed, amber when reached late. A route being drawn on this
 * screen is amber.
 */
export const PATROL_COLOURS = {
  route: '#e8eef5',
  overdue: '#ff6b5e',
  draft: '#ffb020',
  pending: '#e8eef5',
  reached: '#3ddc84',
  missed: '#ff3b30',
  late: '#ffb020',
  hollow: '#0f1620',
} as const;

export type PatrolPointState = CheckpointState | 'draft';

export interface PatrolRouteProps {
  orderId: string;
  status: PatrolOrder['status'] | 'draft';
  /** the unit's callsign, drawn along the line */
  label: string;
}

export interface PatrolPointProps {
  orderId: string;
  kind: 'checkpoint' | 'return';
  idx: number;
  name: string;
  /** "2 Pariak" for a checkpoint, "Return: Bor field office" for the return point */
  label: string;
  state: PatrolPointState;
  status: PatrolOrder['status'] | 'draft';
}

export interface PatrolFeatures {
  routes: FeatureCollection<LineString, PatrolRouteProps>;
  points: FeatureCollection<Point, PatrolPointProps>;
}

/**
 * The routes and checkpoints of every order still followed (planned, on patrol, overdue), and
 * of the order being drawn on this screen, if any.
 */
export function patrolFeatures(
  orders: Iterable<PatrolOrder>,
  callsignOf: (unitId: string) => string,
  draft: readonly { name: string; lat: number; lon: number }[] = [],
  lang: Lang = currentLang(),
): PatrolFeatures {
  const t = patrolMessages[lang];
  const routes: Feature<LineString, PatrolRouteProps>[] = [];
  const points: Feature<Point, PatrolPointProps>[] = [];
  for (const order of orders) {
    if (!isLivePatrol(order)) continue;
    const checkpoints = [...order.checkpoints].sort((a, b) => a.idx - b.idx);
    if (checkpoints.length >= 2) {
      routes.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: checkpoints.map((c) => [c.lon, c.lat]) },
        properties: { orderId: order.id, status: order.status, label: callsignOf(order.unitId) },
      });
    }
    for (const c of checkpoints) {
      points.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { orderId: order.id, kind: 'checkpoint', idx: c.idx, name: c.name, label: `${c.idx + 1} ${c.name}`, state: checkpointState(c), status: order.status },
      });
    }
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [order.returnTo.lon, order.returnTo.lat] },
      properties: { orderId: order.id, kind: 'return', idx: -1, name: order.returnTo.name, label: t.returnLabel(order.returnTo.name), state: 'pending', status: order.status },
    });
  }
  if (draft.length >= 2) {
    routes.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: draft.map((c) => [c.lon, c.lat]) },
      properties: { orderId: 'draft', status: 'draft', label: t.newPatrol },
    });
  }
  draft.forEach((c, i) =>
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { orderId: 'draft', kind: 'checkpoint', idx: i, name: c.name, label: `${i + 1} ${c.name}`, state: 'draft', status: 'draft' },
    }),
  );
  return { routes: { type: 'FeatureCollection', features: routes }, points: { type: 'FeatureCollection', features: points } };
}

const routeColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'overdue',
  PATROL_COLOURS.overdue,
  'draft',
  PATROL_COLOURS.draft,
  PATROL_COLOURS.route,
];

const pointFill: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'reached',
  PATROL_COLOURS.reached,
  'missed',
  PATROL_COLOURS.missed,
  'late',
  PATROL_COLOURS.late,
  PATROL_COLOURS.hollow,
];

const pointStroke: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'missed',
  '#ffffff',
  'draft',
  PATROL_COLOURS.draft,
  PATROL_COLOURS.pending,
];

const planned: ExpressionSpecification = ['==', ['get', 'status'], 'planned'];

/**
 * The patrol layers, bottom to top: a dark casing and the dashed route, the callsign along it,
 * the return point (a hollow ring), the checkpoints and their names.
 */
export function patrolLayers(): LayerSpecification[] {
  return [
    {
      id: PATROLS.routeCasing,
      type: 'line',
      source: PATROLS.routeSource,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.labelHalo, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 4, 12, 7], 'line-opacity': ['case', planned, 0.35, 0.7] },
    },
    {
      id: PATROLS.route,
      type: 'line',
      source: PATROLS.routeSource,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': routeColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2, 12, 3.5],
        'line-dasharray': [2, 1.5],
        'line-opacity': ['case', planned, 0.5, 0.95],
      },
    },
    {
      id: PATROLS.routeLabel,
      type: 'symbol',
      source: PATROLS.routeSource,
      minzoom: 8,
      layout: {
        // One callsign per route, at its middle.
        'symbol-placement': 'line-center',
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-offset': [0, -0.9],
      },
      paint: { 'text-color': routeColour, 'text-halo-color': BASE_COLOURS.labelHalo, 'text-halo-width': 2 },
    },
    {
      id: PATROLS.returnPoint,
      type: 'circle',
      source: PATROLS.pointSource,
      filter: ['==', ['get', 'kind'], 'return'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 12, 9],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': 2.5,
        'circle-stroke-color': routeColour,
        'circle-stroke-opacity': ['case', planned, 0.5, 0.9],
      },
    },
    {
      id: PATROLS.checkpoint,
      type: 'circle',
      source: PATROLS.pointSource,
      filter: ['==', ['get', 'kind'], 'checkpoint'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 5, 12, 8],
        'circle-color': pointFill,
        'circle-stroke-width': 2.5,
        'circle-stroke-color': pointStroke,
        'circle-opacity': ['case', planned, 0.6, 1],
        'circle-stroke-opacity': ['case', planned, 0.6, 1],
      },
    },
    {
      id: PATROLS.checkpointLabel,
      type: 'symbol',
      source: PATROLS.pointSource,
      minzoom: 8,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_REGULAR,
        'text-size': 13,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-optional': true,
      },
      paint: {
        'text-color': ['match', ['get', 'state'], 'missed', '#ff8a80', 'reached', '#b8f5cf', 'draft', PATROL_COLOURS.draft, '#e8eef5'],
        'text-halo-color': BASE_COLOURS.labelHalo,
        'text-halo-width': 2,
      },
    },
  ];
}
