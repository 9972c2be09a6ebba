import type { Me } from '../../shared/auth.js';

/**
 * A wall display: opened from a wall link (a `wall` session), or any screen opened with
 * `?view=wall`. It shows the picture and offers nothing that needs a person at the keyboard.
 */
export function isWallView(me: Pick<Me, 'kind'> | null, search: string): boolean {
  return me?.kind === 'wall' || new URLSearchParams(search).get('view') === 'wall';
}
