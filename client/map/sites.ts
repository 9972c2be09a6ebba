import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { MissionPack, PocStatus, SiteKind } from '../../shared/sites.js';
import type { SiteCollection } from '../state/selection.js';

/** What a site marker carries to MapLibre: enough to draw it and to find it again on a click. */
export interface SitePointProps {
  id: string;
  kind: Exclude<SiteKind, 'corridor'>;
  collection: SiteCollection;
  name: string;
  /** the name as drawn on the map: a field office's icon already says "field office" */
  label: string;
  /** POC sites only: their status picks the icon */
  status?: PocStatus;
}

export interface PocFootprintProps {
  id: string;
  collection: 'pocSites';
  name: string;
  status: PocStatus;
}

/** The map label of a site: its name, less a trailing "field office" the icon already says. */
export function siteLabel(kind: SitePointProps['kind'], name: string): string {
  return kind === 'field-office' ? name.replace(/\s+field office$/i, '') : name;
}

/**
 * Every point site in one collection (headquarters, field offices, POC sites, police stations);
 * the layers tell them apart by `kind`.
 */
export function sitePoints(pack: MissionPack): FeatureCollection<Point, SitePointProps> {
  const features: Feature<Point, SitePointProps>[] = [];
  const point = (coordinates: [number, number], props: Omit<SitePointProps, 'label'>) =>
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { ...props, label: siteLabel(props.kind, props.name) },
    });
  for (const f of pack.headquarters.features) {
    point(f.geometry.coordinates, { id: f.properties.id, kind: 'headquarters', collection: 'headquarters', name: f.properties.name });
  }
  for (const f of pack.fieldOffices.features) {
    point(f.geometry.coordinates, { id: f.properties.id, kind: 'field-office', collection: 'fieldOffices', name: f.properties.name });
  }
  for (const f of pack.pocSites.features) {
    point(f.geometry.coordinates, {
      id: f.properties.id,
      kind: 'poc-site',
      collection: 'pocSites',
      name: f.properties.name,
      status: f.properties.status,
    });
  }
  for (const f of pack.policeStations.features) {
    point(f.geometry.coordinates, { id: f.properties.id, kind: 'police-station', collection: 'policeStations', name: f.properties.name });
  }
  return { type: 'FeatureCollection', features };
}

/** Each POC site's approximate footprint: a circle of its `radiusM` around its anchor. */
export function pocFootprints(pack: MissionPack): FeatureCollection<Polygon, PocFootprintProps> {
  return {
    type: 'FeatureCollection',
    features: pack.pocSites.features.map((f) =>
      circle<PocFootprintProps>(f.geometry.coordinates, f.properties.radiusM / 1000, {
        steps: 48,
        units: 'kilometers',
        properties: { id: f.properties.id, collection: 'pocSites', name: f.properties.name, status: f.properties.status },
      }),
    ),
  };
}
