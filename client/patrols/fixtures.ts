import type { PatrolOrder } from '../../shared/patrols.js';

/** 08:00 in Juba on 15 February 2027. */
export const T0 = Date.UTC(2027, 1, 15, 6, 0);
export const MIN = 60_000;

/** A patrol order out of Bor for the client's tests. */
export function patrolOrder(over: Partial<PatrolOrder> = {}): PatrolOrder {
  return {
    id: 'order-1',
    unitId: 'bor-fpu-2',
    title: 'Bor south and east',
    startsAt: T0,
    endsAt: T0 + 240 * MIN,
    checkpoints: [
      { idx: 0, name: 'Pariak', lat: 6.07, lon: 31.55, radiusM: 300, dueAt: T0 + 90 * MIN, reachedAt: null, missedAt: null },
      { idx: 1, name: 'Anyidi', lat: 6.27, lon: 31.71, radiusM: 300, dueAt: null, reachedAt: null, missedAt: null },
    ],
    returnTo: { name: 'Bor field office', lat: 6.2125, lon: 31.56083, radiusM: 2000 },
    status: 'active',
    createdBy: 'operator1',
    createdAt: T0 - 10 * MIN,
    updatedAt: T0,
    overdueAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    ...over,
  };
}
