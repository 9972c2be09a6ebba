import { currentLang, type Lang } from '../i18n/lang.js';

/** The groups the layer switcher turns on and off. */
export const LAYER_GROUPS = ['units', 'unitLabels', 'accuracy', 'trails', 'incidents', 'incidentLabels', 'offices', 'pocSites', 'policeStations', 'corridors'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

const LAYER_GROUP_WORDS: Record<Lang, Record<LayerGroup, string>> = {
  en: {
    units: 'Patrols',
    unitLabels: 'Patrol callsigns',
    accuracy: 'Position accuracy',
    trails: 'Trails (last 30 min)',
    incidents: 'Incidents',
    incidentLabels: 'Incident titles',
    offices: 'HQ & field offices',
    pocSites: 'POC sites',
    policeStations: 'Police stations',
    corridors: 'Migration corridors',
  },
  fr: {
    units: 'Patrouilles',
    unitLabels: 'Indicatifs des patrouilles',
    accuracy: 'Précision des positions',
    trails: 'Traces (30 dernières min)',
    incidents: 'Incidents',
    incidentLabels: 'Titres des incidents',
    offices: 'QG et bureaux de terrain',
    pocSites: 'Sites PoC',
    policeStations: 'Postes de police',
    corridors: 'Couloirs de transhumance',
  },
};

/** A layer group's name in the current language (or the one given). */
export const layerGroupLabel = (group: LayerGroup, lang: Lang = currentLang()): string => LAYER_GROUP_WORDS[lang][group];

export const DEFAULT_LAYERS: Record<LayerGroup, boolean> = {
  units: true,
  unitLabels: true,
  accuracy: false,
  trails: true,
  incidents: true,
  incidentLabels: true,
  offices: true,
  pocSites: true,
  policeStations: true,
  corridors: true,
};
