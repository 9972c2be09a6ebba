import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live map, set only when the page is opened with `?test=1`, for browser tests. */
    __opsMap?: MapLibreMap;
  }
}
