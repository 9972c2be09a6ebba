import { useEffect } from 'react';
import type { MissionPack } from '../../../shared/sites.js';
import { addIcons } from '../addIcons.js';
import { SITES, SLOTS } from '../ids.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setGeoJson, setVisible } from '../mapSources.js';
import { siteLayers } from '../siteLayers.js';
import { pocFootprints, sitePoints } from '../sites.js';

const LAYERS = siteLayers();
const SOURCES = [SITES.pointsSource, SITES.footprintsSource];

export interface SitesVisibility {
  offices: boolean;
  pocSites: boolean;
  policeStations: boolean;
}

/** Headquarters, field offices, POC sites (with their footprints) and police stations. */
export function SitesLayer({ pack, visible }: { pack: MissionPack | null; visible: SitesVisibility }) {
  const map = useMap();

  useEffect(() => {
    addIcons(map);
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.sites);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  useEffect(() => {
    if (!pack) return;
    setGeoJson(map, SITES.pointsSource, sitePoints(pack));
    setGeoJson(map, SITES.footprintsSource, pocFootprints(pack));
  }, [map, pack]);

  const { offices, pocSites, policeStations } = visible;
  useEffect(() => {
    setVisible(map, [SITES.hqSymbol, SITES.officeSymbol], offices);
    setVisible(map, [SITES.pocFill, SITES.pocLine, SITES.pocSymbol], pocSites);
    setVisible(map, [SITES.policeSymbol], policeStations);
  }, [map, offices, pocSites, policeStations]);

  return null;
}
