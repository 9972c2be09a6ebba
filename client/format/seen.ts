import type { LinkStatus } from '../../shared/units.js';
import { lastSeen } from './time.js';

/**
 * The words beside a unit that is not live, read from across the room: how long it has been
 * silent, and that it is lost once it is. Live and never-seen units carry none.
 * @example seenLabel('stale', now - 7 * 60_000, now) === 'last seen 7 min ago'
 */
export function seenLabel(status: LinkStatus, fixMs: number | null, nowMs: number): string {
  if (fixMs === null) return '';
  if (status === 'stale') return `last seen ${lastSeen(fixMs, nowMs)}`;
  if (status === 'lost') return `lost · last seen ${lastSeen(fixMs, nowMs)}`;
  return '';
}
