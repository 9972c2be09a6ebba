import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Basemap } from '../http/basemap.js';
import { useLang } from '../i18n/lang.js';
import { countryLabelField, countryLabelPoints } from './countryLabels.js';
import { BASE } from './ids.js';
import { MapContext } from './MapContext.js';
import { setGeoJson } from './mapSources.js';
import { buildBaseStyle, SOUTH_SUDAN_BOUNDS } from './style.js';
import { pointToBundledWorker } from './worker.js';

export interface MapViewProps {
  tilesUrl: string | undefined;
  basemap: Basemap | null;
  /** expose the map as window.__opsMap for browser tests */
  exposeForTests: boolean;
  children?: ReactNode;
}

/**
 * Creates the one MapLibre map and hands it to its children once the style has loaded.
 * Layer components render null and talk to the map themselves.
 */
export function MapView({ tilesUrl, basemap, exposeForTests, children }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // The style is built once per map; a base map that arrives later goes in through setData.
  const basemapAtStart = useRef(basemap);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    pointToBundledWorker();
    const created = new MapLibreMap({
      container: element,
      style: buildBaseStyle({ tilesUrl, basemap: basemapAtStart.current }),
      bounds: SOUTH_SUDAN_BOUNDS,
      // Leave room on the left for the layer switcher over the map.
      fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 320, right: 60 } },
      minZoom: 3,
      maxZoom: 18,
      renderWorldCopies: false,
      attributionControl: false,
      // An operations map stays north-up.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Text is drawn locally (no glyph server), which the style validator would reject.
      validateStyle: false,
    });
    created.touchZoomRotate.disableRotation();
    created.keyboard.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.addControl(new ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-right');
    created.once('load', () => setMap(created));
    if (exposeForTests) window.__opsMap = created;
    return () => {
      setMap(null);
      if (window.__opsMap === created) delete window.__opsMap;
      created.remove();
    };
  }, [tilesUrl, exposeForTests]);

  useEffect(() => {
    if (!map || !basemap || basemap === basemapAtStart.current) return;
    setGeoJson(map, BASE.countriesSource, basemap.countries);
    setGeoJson(map, BASE.bordersSource, basemap.borders);
    setGeoJson(map, BASE.outlineSource, basemap.southSudanOutline);
    setGeoJson(map, BASE.countryLabelsSource, countryLabelPoints(basemap.countries));
  }, [map, basemap]);

  // The neighbours' names follow the screen's language.
  const lang = useLang();
  useEffect(() => {
    if (map?.getLayer(BASE.countryLabels)) map.setLayoutProperty(BASE.countryLabels, 'text-field', countryLabelField(lang));
  }, [map, lang]);

  return (
    <div className="map" ref={container} data-testid="map">
      {map && <MapContext.Provider value={map}>{children}</MapContext.Provider>}
    </div>
  );
}
