/**
 * Map labels for the wall: every name on the map read from five metres. MapLibre takes a label
 * size as a number, a zoom curve (`interpolate`, `step`) or a per-feature choice (`case`,
 * `match`); the sizes sit in the output positions, and only those are changed.
 */

/** No text on the wall under this many pixels at 1080p. */
export const WALL_MIN_TEXT_PX = 18;
/** How much larger than at a desk the map's labels are drawn on the wall. */
export const WALL_LABEL_SCALE = 1.35;
/** MapLibre's size when a layer names none. */
export const MAPLIBRE_DEFAULT_TEXT_SIZE = 16;

/** Indices of the output values of an expression, by its operator; null for any other shape. */
function outputIndices(expression: readonly unknown[]): number[] | null {
  const [op] = expression;
  const n = expression.length;
  const every = (from: number) => Array.from({ length: Math.max(0, Math.ceil((n - from) / 2)) }, (_, i) => from + 2 * i);
  switch (op) {
    case 'interpolate':
    case 'interpolate-hcl':
    case 'interpolate-lab':
      // [op, interpolation, input, stop, output, stop, output, …]
      return every(4);
    case 'step':
      // ['step', input, output, stop, output, …]
      return every(2);
    case 'case':
      // ['case', condition, output, …, fallback]
      return [...every(2).filter((i) => i < n - 1), n - 1];
    case 'match':
      // ['match', input, label, output, …, fallback]
      return [...every(3).filter((i) => i < n - 1), n - 1];
    default:
      return null;
  }
}

const isStops = (value: unknown): value is { stops: readonly (readonly [unknown, unknown])[] } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'stops' in value && Array.isArray(value.stops);

function enlarge(value: unknown, scale: number, min: number): unknown {
  if (typeof value === 'number') return Math.round(Math.max(value * scale, min) * 10) / 10;
  if (Array.isArray(value)) {
    const outputs = outputIndices(value);
    if (outputs) {
      const copy: unknown[] = [...value];
      for (const i of outputs) copy[i] = enlarge(value[i], scale, min);
      return copy;
    }
  } else if (isStops(value)) {
    // A legacy zoom function: { stops: [[zoom, size], …] }.
    return { ...value, stops: value.stops.map(([zoom, size]) => [zoom, enlarge(size, scale, min)]) };
  }
  // A size read from the data, or a shape not known here: one size the wall can be sure of.
  return Math.round(Math.max(MAPLIBRE_DEFAULT_TEXT_SIZE * scale, min));
}

/**
 * The label size for the wall: every size `scale` times larger and at least `min` pixels, in
 * the same shape as it came (a zoom curve stays a zoom curve).
 * @example wallTextSize(['interpolate', ['linear'], ['zoom'], 4, 13, 8, 17]) // ['interpolate', ['linear'], ['zoom'], 4, 18, 8, 23]
 */
export function wallTextSize<T>(value: T | undefined, scale = WALL_LABEL_SCALE, min = WALL_MIN_TEXT_PX): T | number {
  // The same kind of value with larger numbers in it: what MapLibre took before, it takes now.
  return enlarge(value ?? MAPLIBRE_DEFAULT_TEXT_SIZE, scale, min) as T | number;
}

/**
 * The smallest size a label can be drawn at under this value, at any zoom and for any feature;
 * null when it cannot be told (a size read from the data).
 * @example smallestTextSize(['step', ['zoom'], 12, 8, 20]) === 12
 */
export function smallestTextSize(value: unknown): number | null {
  if (value === undefined) return MAPLIBRE_DEFAULT_TEXT_SIZE;
  if (typeof value === 'number') return value;
  let outputs: unknown[] | null = null;
  if (Array.isArray(value)) {
    const indices = outputIndices(value);
    if (indices) outputs = indices.map((i): unknown => value[i]);
  } else if (isStops(value)) {
    outputs = value.stops.map(([, size]) => size);
  }
  if (!outputs || outputs.length === 0) return null;
  let smallest = Infinity;
  for (const output of outputs) {
    const size = smallestTextSize(output);
    if (size === null) return null;
    smallest = Math.min(smallest, size);
  }
  return smallest;
}
