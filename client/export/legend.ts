import { IncidentCategory } from '../../shared/incidents.js';
import type { PocStatus } from '../../shared/sites.js';
import type { UnitType } from '../../shared/units.js';
import { pocStatusShort, unitTypeShort } from '../format/labels.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, categoryLabel } from '../incidents/categories.js';
import { SEVERITY_RING_COLOURS } from '../map/incidentLayers.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, SITE_COLOURS, UNIT_TYPE_COLOURS } from '../map/palette.js';
import { SITE_ICONS } from '../map/siteLayers.js';
import { layerGroupLabel } from '../state/layers.js';
import { snapshotMessages } from './messages.js';

/** What the map shows inside the snapshot's extent, read from the features it drew. */
export interface DrawnOnMap {
  unitTypes: ReadonlySet<UnitType>;
  responding: boolean;
  sos: boolean;
  stale: boolean;
  lost: boolean;
  trails: boolean;
  categories: ReadonlySet<IncidentCategory>;
  critical: boolean;
  high: boolean;
  /** resolved, closed or false reports */
  finished: boolean;
  /** need-to-know incidents drawn coarsened */
  coarsened: boolean;
  headquarters: boolean;
  fieldOffices: boolean;
  pocStatuses: ReadonlySet<PocStatus>;
  policeStations: boolean;
  corridorsInSeason: boolean;
  corridorsOutOfSeason: boolean;
}

export type LegendSymbol =
  | { kind: 'dot'; colour: string; dim?: boolean; halo?: boolean }
  | { kind: 'hollow'; colour: string }
  | { kind: 'line'; colour: string; opacity?: number }
  | { kind: 'dash'; colour: string; opacity?: number }
  | { kind: 'diamond'; colour: string; code: string; dim?: boolean }
  | { kind: 'ring'; colour: string; dashed?: boolean }
  | { kind: 'icon'; name: string };

export interface LegendEntry {
  symbol: LegendSymbol;
  label: string;
}

export interface LegendSection {
  title: string;
  entries: LegendEntry[];
}

const UNIT_TYPES: readonly UnitType[] = ['fpu-vehicle', 'ipo-foot', 'joint-patrol', 'static-post'];
const POC_STATUSES: readonly PocStatus[] = ['poc-site', 'idp-camp', 'handed-over'];

/**
 * The legend of a snapshot: a section for each layer that drew something in the extent, with
 * only the symbols that appear, in the map legend's words and colours. Layers turned off draw
 * nothing, so they never appear.
 */
export function legendSections(d: DrawnOnMap, lang: Lang = currentLang()): LegendSection[] {
  const w = snapshotMessages[lang];
  const group = (g: Parameters<typeof layerGroupLabel>[0]) => layerGroupLabel(g, lang);
  const sections: LegendSection[] = [];
  const add = (title: string, entries: LegendEntry[]) => {
    if (entries.length > 0) sections.push({ title, entries });
  };
  add(group('units'), [
    ...UNIT_TYPES.filter((t) => d.unitTypes.has(t)).map((t) => ({ symbol: { kind: 'dot', colour: UNIT_TYPE_COLOURS[t] } as const, label: unitTypeShort(t, lang) })),
    ...(d.responding ? [{ symbol: { kind: 'dot', colour: ACTIVITY_COLOURS.responding, halo: true } as const, label: w.responding }] : []),
    ...(d.sos ? [{ symbol: { kind: 'dot', colour: ACTIVITY_COLOURS.sos, halo: true } as const, label: 'SOS' }] : []),
    ...(d.stale ? [{ symbol: { kind: 'dot', colour: UNIT_TYPE_COLOURS['fpu-vehicle'], dim: true } as const, label: w.staleDimmed }] : []),
    ...(d.lost ? [{ symbol: { kind: 'hollow', colour: LOST_COLOUR } as const, label: w.lostHollow }] : []),
  ]);
  add(group('trails'), d.trails ? [{ symbol: { kind: 'line', colour: UNIT_TYPE_COLOURS['fpu-vehicle'] }, label: w.trail }] : []);
  add(group('incidents'), [
    ...IncidentCategory.options
      .filter((c) => d.categories.has(c))
      .map((c) => ({ symbol: { kind: 'diamond', colour: CATEGORY_COLOUR[c], code: CATEGORY_CODE[c] } as const, label: categoryLabel(c, lang) })),
    ...(d.critical ? [{ symbol: { kind: 'ring', colour: SEVERITY_RING_COLOURS[4] } as const, label: w.critical }] : []),
    ...(d.high ? [{ symbol: { kind: 'ring', colour: SEVERITY_RING_COLOURS[3] } as const, label: w.high }] : []),
    ...(d.finished ? [{ symbol: { kind: 'diamond', colour: CATEGORY_COLOUR.crime, code: CATEGORY_CODE.crime, dim: true } as const, label: w.finished }] : []),
    ...(d.coarsened ? [{ symbol: { kind: 'ring', colour: '#e8eef5', dashed: true } as const, label: w.coarsenedKey }] : []),
  ]);
  add(group('offices'), [
    ...(d.headquarters ? [{ symbol: { kind: 'icon', name: SITE_ICONS.headquarters } as const, label: w.hq }] : []),
    ...(d.fieldOffices ? [{ symbol: { kind: 'icon', name: SITE_ICONS.fieldOffice } as const, label: w.fieldOffice }] : []),
  ]);
  add(
    group('pocSites'),
    POC_STATUSES.filter((s) => d.pocStatuses.has(s)).map((s) => ({ symbol: { kind: 'icon', name: SITE_ICONS.poc(s) } as const, label: pocStatusShort(s, lang) })),
  );
  add(group('policeStations'), d.policeStations ? [{ symbol: { kind: 'icon', name: SITE_ICONS.policeStation }, label: w.policeStation }] : []);
  add(group('corridors'), [
    ...(d.corridorsInSeason ? [{ symbol: { kind: 'dash', colour: SITE_COLOURS.corridor } as const, label: w.inSeason }] : []),
    ...(d.corridorsOutOfSeason ? [{ symbol: { kind: 'dash', colour: SITE_COLOURS.corridor, opacity: 0.45 } as const, label: w.outOfSeason }] : []),
  ]);
  return sections;
}

/** Nothing drawn: the starting point for reading the map's features. */
export function nothingDrawn(): DrawnOnMap {
  return {
    unitTypes: new Set(),
    responding: false,
    sos: false,
    stale: false,
    lost: false,
    trails: false,
    categories: new Set(),
    critical: false,
    high: false,
    finished: false,
    coarsened: false,
    headquarters: false,
    fieldOffices: false,
    pocStatuses: new Set(),
    policeStations: false,
    corridorsInSeason: false,
    corridorsOutOfSeason: false,
  };
}
