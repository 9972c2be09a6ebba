import { expect, it } from 'vitest';
import { MIN, patrolOrder, T0 } from '../patrols/fixtures.js';
import { PATROLS, patrolFeatures, patrolLayers } from './patrolLayers.js';

const callsign = (id: string) => id.toUpperCase();

it('draws the route of each order still followed through its checkpoints, coloured by state', () => {
  const active = patrolOrder({
    checkpoints: [
      { idx: 1, name: 'Anyidi', lat: 6.27, lon: 31.71, radiusM: 300, dueAt: null, reachedAt: T0 + 30 * MIN, missedAt: null },
      { idx: 0, name: 'Pariak', lat: 6.07, lon: 31.55, radiusM: 300, dueAt: T0, reachedAt: null, missedAt: T0 },
    ],
  });
  const { routes, points } = patrolFeatures([active, patrolOrder({ id: 'ended', status: 'completed' })], callsign);
  expect(routes.features).toHaveLength(1);
  expect(routes.features[0]?.geometry.coordinates).toEqual([
    [31.55, 6.07],
    [31.71, 6.27],
  ]);
  expect(routes.features[0]?.properties).toEqual({ orderId: 'order-1', status: 'active', label: 'BOR-FPU-2' });
  expect(points.features.map((f) => [f.properties.kind, f.properties.label, f.properties.state])).toEqual([
    ['checkpoint', '1 Pariak', 'missed'],
    ['checkpoint', '2 Anyidi', 'reached'],
    ['return', 'Return: Bor field office', 'pending'],
  ]);
});

it('draws the order being planned, in its own colour', () => {
  const { routes, points } = patrolFeatures([], callsign, [
    { name: 'CP 1', lat: 6.1, lon: 31.5 },
    { name: 'CP 2', lat: 6.2, lon: 31.6 },
  ]);
  expect(routes.features.map((f) => f.properties.status)).toEqual(['draft']);
  expect(points.features.map((f) => [f.properties.label, f.properties.state])).toEqual([
    ['1 CP 1', 'draft'],
    ['2 CP 2', 'draft'],
  ]);
});

it('draws a single checkpoint with no line', () => {
  const { routes, points } = patrolFeatures([patrolOrder({ checkpoints: [patrolOrder().checkpoints[0]].flatMap((c) => (c ? [c] : [])) })], callsign);
  expect(routes.features).toEqual([]);
  expect(points.features).toHaveLength(2);
});

it('has layers only on its own sources, with ids of its own', () => {
  for (const layer of patrolLayers()) {
    expect(layer.id.startsWith('ops-patrols-')).toBe(true);
    expect('source' in layer ? layer.source : null).toMatch(new RegExp(`^(${PATROLS.routeSource}|${PATROLS.pointSource})$`));
  }
});
