import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { z } from 'zod';
import { useOpsStore } from '../../state/context.js';
import { SiteCollection, type Selection } from '../../state/selection.js';
import { PICKABLE_LAYERS } from '../ids.js';
import { useMap } from '../MapContext.js';

/** Pixels around the pointer that still count as a hit: markers are small, fingers and mice imprecise. */
const SLOP = 6;

const UnitPick = z.object({ id: z.string(), callsign: z.string() });
const SitePick = z.object({ id: z.string(), collection: SiteCollection });
const IncidentPick = z.object({ kind: z.literal('incident'), id: z.string() });

/** What a rendered feature stands for, read back from its properties. */
export function selectionOf(feature: MapGeoJSONFeature): Selection | null {
  if (feature.layer.id.startsWith('ops-units-')) {
    const unit = UnitPick.safeParse(feature.properties);
    return unit.success ? { kind: 'unit', id: unit.data.id } : null;
  }
  if (feature.layer.id.startsWith('ops-incidents-')) {
    const incident = IncidentPick.safeParse(feature.properties);
    return incident.success ? { kind: 'incident', id: incident.data.id } : null;
  }
  const site = SitePick.safeParse(feature.properties);
  return site.success ? { kind: 'site', collection: site.data.collection, id: site.data.id } : null;
}

/** Click a unit or a site to open its details; the pointer shows what can be clicked. */
export function MapPicking() {
  const map = useMap();
  const store = useOpsStore();

  useEffect(() => {
    const pick = (e: MapMouseEvent): Selection | null => {
      const layers = PICKABLE_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      if (layers.length === 0) return null;
      const { x, y } = e.point;
      // Points nearest the pointer first (markers crowd at a town); lines and areas after them.
      const distance = (f: MapGeoJSONFeature) => {
        if (f.geometry.type !== 'Point') return Infinity;
        const [lon, lat] = f.geometry.coordinates;
        if (lon === undefined || lat === undefined) return Infinity;
        const p = map.project([lon, lat]);
        return (p.x - x) ** 2 + (p.y - y) ** 2;
      };
      const best = (hits: MapGeoJSONFeature[]): Selection | null => {
        const ranked = hits.map((f, order) => ({ f, order, d: distance(f) })).sort((a, b) => a.d - b.d || a.order - b.order);
        for (const { f } of ranked) {
          const selection = selectionOf(f);
          if (selection) return selection;
        }
        return null;
      };
      // A symbol right under the pointer wins (an icon may be drawn beside its point), then one a
      // few pixels away (markers are small), and only then an area or a line.
      const under = map.queryRenderedFeatures([x, y], { layers });
      const around = map.queryRenderedFeatures(
        [
          [x - SLOP, y - SLOP],
          [x + SLOP, y + SLOP],
        ],
        { layers },
      );
      const points = (hits: MapGeoJSONFeature[]) => hits.filter((f) => f.geometry.type === 'Point');
      return best(points(under)) ?? best(points(around)) ?? best(under) ?? best(around);
    };
    // While a report or patrol checkpoints are being placed, a click places them instead
    // (ReportPlacing, PatrolPlacing); while a distance is measured, it adds a point (workstation/MapTools).
    const placing = () =>
      store.getState().incidentDraft?.stage === 'placing' || store.getState().patrolDraft?.placing === true || store.getState().workstation.measure !== null;
    const onClick = (e: MapMouseEvent) => {
      if (!placing()) store.setState({ selection: pick(e) });
    };
    const onMove = (e: MapMouseEvent) => {
      if (placing()) return;
      map.getCanvas().style.cursor = pick(e) ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map, store]);

  return null;
}
