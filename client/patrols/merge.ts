import type { PatrolOrder, PatrolsSnapshot } from '../../shared/patrols.js';

/**
 * The store's orders with one update applied; an update older than what the screen holds (it
 * crossed a snapshot on the way) is ignored.
 */
export function withPatrol(orders: ReadonlyMap<string, PatrolOrder>, order: PatrolOrder): ReadonlyMap<string, PatrolOrder> {
  const current = orders.get(order.id);
  if (current && current.updatedAt > order.updatedAt) return orders;
  return new Map(orders).set(order.id, order);
}

/**
 * The orders a snapshot gives, keeping any the screen heard of after the snapshot was taken
 * (newer updates, orders made since).
 */
export function fromPatrolSnapshot(orders: ReadonlyMap<string, PatrolOrder>, snapshot: PatrolsSnapshot): ReadonlyMap<string, PatrolOrder> {
  const next = new Map(snapshot.orders.map((o) => [o.id, o]));
  for (const held of orders.values()) {
    const given = next.get(held.id);
    if (given ? held.updatedAt > given.updatedAt : held.updatedAt > snapshot.time) next.set(held.id, held);
  }
  return next;
}
