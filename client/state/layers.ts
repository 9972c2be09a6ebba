/** The groups the layer switcher turns on and off. */
export const LAYER_GROUPS = ['units', 'unitLabels', 'accuracy', 'offices', 'pocSites', 'policeStations', 'corridors'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const LAYER_GROUP_LABEL: Record<LayerGroup, string> = {
  units: 'Patrols',
  unitLabels: 'Patrol callsigns',
  accuracy: 'Position accuracy',
  offices: 'HQ & field offices',
  pocSites: 'POC sites',
  policeStations: 'Police stations',
  corridors: 'Migration corridors',
};

export const DEFAULT_LAYERS: Record<LayerGroup, boolean> = {
  units: true,
  unitLabels: true,
  accuracy: false,
  offices: true,
  pocSites: true,
  policeStations: true,
  corridors: true,
};
