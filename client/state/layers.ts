/** The groups the layer switcher turns on and off. */
export const LAYER_GROUPS = ['units', 'unitLabels', 'accuracy', 'trails', 'incidents', 'incidentLabels', 'offices', 'pocSites', 'policeStations', 'corridors'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const LAYER_GROUP_LABEL: Record<LayerGroup, string> = {
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
};

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
