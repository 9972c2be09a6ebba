import { MissionPack } from '../../shared/sites.js';

/** A tiny mission pack for tests, checked against the contract so it cannot drift from it. */
export const testPack: MissionPack = MissionPack.parse({
  headquarters: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'unmiss-hq', name: 'UNMISS HQ Tomping', kind: 'headquarters', fieldOffice: 'juba', source: 'test', accuracy: 'town' },
        geometry: { type: 'Point', coordinates: [31.59, 4.84] },
      },
    ],
  },
  fieldOffices: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'bor', name: 'Bor', kind: 'field-office', state: 'Jonglei', source: 'test', accuracy: 'town' },
        geometry: { type: 'Point', coordinates: [31.56, 6.21] },
      },
    ],
  },
  pocSites: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'malakal-poc',
          name: 'Malakal POC',
          kind: 'poc-site',
          fieldOffice: 'malakal',
          status: 'poc-site',
          statusSince: '2013-12',
          radiusM: 1200,
          population: [{ count: 37000, date: '2023-06', source: 'test' }],
          source: 'test',
          accuracy: 'approximate',
        },
        geometry: { type: 'Point', coordinates: [31.61, 9.55] },
      },
    ],
  },
  policeStations: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'kayango',
          name: 'Kayango',
          kind: 'police-station',
          fieldOffice: 'wau',
          description: 'where four corridors meet',
          source: 'test',
          accuracy: 'approximate',
        },
        geometry: { type: 'Point', coordinates: [27.6, 8.1] },
      },
    ],
  },
  corridors: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'tonj-wau',
          name: 'Tonj–Wau',
          kind: 'corridor',
          accuracy: 'indicative',
          season: { from: 12, to: 5 },
          direction: 'south-west',
          evidence: 'test evidence',
          meetsAtKayango: true,
          source: 'test',
        },
        geometry: { type: 'LineString', coordinates: [[28.7, 7.7], [28.0, 7.7]] },
      },
    ],
  },
});
