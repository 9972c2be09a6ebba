import type { ZoneTransitions } from './types.js';

/**
 * What changed between the zone ids a patrol was in at one report and at the next: `entered`
 * (in `after` order) and `left` (in `before` order), duplicates dropped.
 * @example
 * zoneTransitions([], ['malakal-poc'])            // { entered: ['malakal-poc'], left: [] }
 * zoneTransitions(['malakal-poc'], [])            // { entered: [], left: ['malakal-poc'] }
 * zoneTransitions(['malakal-poc'], ['malakal-poc']) // { entered: [], left: [] }
 */
export function zoneTransitions(before: readonly string[], after: readonly string[]): ZoneTransitions {
  const was = new Set(before);
  const is = new Set(after);
  return {
    entered: [...is].filter((id) => !was.has(id)),
    left: [...was].filter((id) => !is.has(id)),
  };
}
