import { getWorkerUrl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * maplibre-gl 6 looks for its worker next to its own module, which a bundle moves; point it
 * at the copy Vite emits with the build, served by our own server like every other asset.
 */
export function pointToBundledWorker(): void {
  if (getWorkerUrl() !== workerUrl) setWorkerUrl(workerUrl);
}
