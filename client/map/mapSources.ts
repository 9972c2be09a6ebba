import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds an empty GeoJSON source and its layers just below a slot layer. */
export function addGeoJsonLayers(
  map: MapLibreMap,
  sources: readonly string[],
  layers: readonly LayerSpecification[],
  beforeId: string,
): void {
  for (const id of sources) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  }
  for (const layer of layers) {
    if (!map.getLayer(layer.id)) map.addLayer(layer, map.getLayer(beforeId) ? beforeId : undefined);
  }
}

/** Removes layers then sources; the map may already be gone when a component unmounts. */
export function removeGeoJsonLayers(map: MapLibreMap, sources: readonly string[], layers: readonly LayerSpecification[]): void {
  try {
    for (const layer of [...layers].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const id of sources) if (map.getSource(id)) map.removeSource(id);
  } catch {
    // the map was removed first; nothing left to clean up
  }
}

export function setGeoJson(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  const source = map.getSource<GeoJSONSource>(sourceId);
  if (source) void source.setData(data).catch(() => undefined);
}

export function setVisible(map: MapLibreMap, layerIds: readonly string[], visible: boolean): void {
  for (const id of layerIds) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}
