import { useEffect } from 'react';
import type { MissionPack } from '../../../shared/sites.js';
import { useLang } from '../../i18n/lang.js';
import { corridorFeatures, corridorLayers } from '../corridors.js';
import { CORRIDORS, SLOTS } from '../ids.js';
import { useMap } from '../MapContext.js';
import { addGeoJsonLayers, removeGeoJsonLayers, setGeoJson, setVisible } from '../mapSources.js';

const LAYERS = corridorLayers();
const SOURCES = [CORRIDORS.source];

/** Seasonal migration corridors: dashed, with name and season along the line. */
export function CorridorsLayer({ pack, month, visible }: { pack: MissionPack | null; month: number; visible: boolean }) {
  const map = useMap();

  useEffect(() => {
    addGeoJsonLayers(map, SOURCES, LAYERS, SLOTS.corridors);
    return () => removeGeoJsonLayers(map, SOURCES, LAYERS);
  }, [map]);

  // The season along each line ("Dec–May", "déc.–mai") follows the screen's language.
  const lang = useLang();
  useEffect(() => {
    if (pack) setGeoJson(map, CORRIDORS.source, corridorFeatures(pack, month, lang));
  }, [map, pack, month, lang]);

  useEffect(() => {
    setVisible(
      map,
      LAYERS.map((l) => l.id),
      visible,
    );
  }, [map, visible]);

  return null;
}
