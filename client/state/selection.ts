import { z } from 'zod';
import type {
  CorridorFeature,
  FieldOfficeFeature,
  HeadquartersFeature,
  MissionPack,
  PocSiteFeature,
  PoliceStationFeature,
} from '../../shared/sites.js';

/** The mission pack's collections a site can be picked from. */
export const SiteCollection = z.enum(['headquarters', 'fieldOffices', 'pocSites', 'policeStations', 'corridors']);
export type SiteCollection = z.infer<typeof SiteCollection>;

/** What the details panel shows: one unit, one site or one incident, by id. */
export type Selection =
  | { kind: 'unit'; id: string }
  | { kind: 'site'; collection: SiteCollection; id: string }
  | { kind: 'incident'; id: string };

export type SelectedSite =
  | { collection: 'headquarters'; feature: HeadquartersFeature }
  | { collection: 'fieldOffices'; feature: FieldOfficeFeature }
  | { collection: 'pocSites'; feature: PocSiteFeature }
  | { collection: 'policeStations'; feature: PoliceStationFeature }
  | { collection: 'corridors'; feature: CorridorFeature };

/** Finds the typed feature a site selection points at, if the pack still has it. */
export function findSite(pack: MissionPack, collection: SiteCollection, id: string): SelectedSite | null {
  switch (collection) {
    case 'headquarters': {
      const feature = pack.headquarters.features.find((f) => f.properties.id === id);
      return feature ? { collection, feature } : null;
    }
    case 'fieldOffices': {
      const feature = pack.fieldOffices.features.find((f) => f.properties.id === id);
      return feature ? { collection, feature } : null;
    }
    case 'pocSites': {
      const feature = pack.pocSites.features.find((f) => f.properties.id === id);
      return feature ? { collection, feature } : null;
    }
    case 'policeStations': {
      const feature = pack.policeStations.features.find((f) => f.properties.id === id);
      return feature ? { collection, feature } : null;
    }
    case 'corridors': {
      const feature = pack.corridors.features.find((f) => f.properties.id === id);
      return feature ? { collection, feature } : null;
    }
  }
}
