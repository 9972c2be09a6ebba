/**
 * Shared types of the early-warning rules. Types only: the functions live one per module.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type Flatbush from 'flatbush';
import type {
  CorridorFeature,
  FieldOfficeFeature,
  HeadquartersFeature,
  LonLat,
  PocSiteFeature,
  PoliceStationFeature,
} from '../../shared/sites.js';

export type { LonLat };

/** A mission-pack site that is a point on the map (a POC site by its anchor). */
export type PointSite = HeadquartersFeature | FieldOfficeFeature | PocSiteFeature | PoliceStationFeature;

/** The kinds of `PointSite`. */
export type PointSiteKind = PointSite['properties']['kind'];

/** A polygon zone: a POC site footprint, or a polygon added by the mission (`extraZones`). */
export interface Zone {
  id: string;
  name: string;
  /** the POC site this footprint was drawn from; absent for added polygons */
  pocSite?: PocSiteFeature;
  footprint: Feature<Polygon | MultiPolygon>;
}

/** A polygon zone the mission adds to the index, e.g. a curfew area or a market. */
export interface ExtraZone {
  id: string;
  name: string;
  footprint: Feature<Polygon | MultiPolygon>;
}

/**
 * The mission's features as plain arrays, with POC footprints already drawn. The naive
 * reference rules loop over these; the index adds bounding-box trees on top.
 */
export interface MissionFeatures {
  /** headquarters, field offices, POC sites (by anchor) and police stations */
  readonly sites: readonly PointSite[];
  /** POC footprints first (pack order), then extra zones */
  readonly zones: readonly Zone[];
  readonly corridors: readonly CorridorFeature[];
  /** the largest POC footprint radius, km: sites are searched this much wider */
  readonly maxFootprintKm: number;
}

/** `MissionFeatures` plus one packed R-tree per layer; `null` when the layer is empty. */
export interface SiteIndex extends MissionFeatures {
  /** anchor points of `sites`, item i = sites[i] */
  readonly siteTree: Flatbush | null;
  /** bounding boxes of `zones` footprints, item i = zones[i] */
  readonly zoneTree: Flatbush | null;
  /** corridor bounding boxes padded by `corridorBufferKm`, item i = corridors[i] */
  readonly corridorTree: Flatbush | null;
  /** buffer the corridor boxes were padded by; wider queries still work, a bit slower */
  readonly corridorBufferKm: number;
}

/** A site found near a point. */
export interface SiteMatch {
  site: PointSite;
  /**
   * Great-circle km from the point to the site: to the anchor for point sites, to the edge of
   * the footprint circle for POC sites (0 inside it).
   */
  distanceKm: number;
}

/** A corridor whose buffer contains a point. Only `inSeason` matches should raise an alert. */
export interface CorridorMatch {
  corridor: CorridorFeature;
  /** great-circle km from the point to the nearest point of the line */
  distanceKm: number;
  inSeason: boolean;
}

/** The nearest POC site and field office, for attaching to an incident. */
export interface NearestSites {
  pocSite: SiteMatch | null;
  fieldOffice: SiteMatch | null;
}

/** What a patrol did between two position reports. */
export interface ZoneTransitions {
  entered: string[];
  left: string[];
}
