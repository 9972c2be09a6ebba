import { useMemo, useState, type ReactNode } from 'react';
import type { PocStatus } from '../../shared/sites.js';
import type { UnitType } from '../../shared/units.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { pocStatusShort, unitTypeShort } from '../format/labels.js';
import { iconDataUrl } from '../map/icons.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, SITE_COLOURS, UNIT_TYPE_COLOURS } from '../map/palette.js';
import { SITE_ICONS } from '../map/siteLayers.js';
import { useOps, useOpsStore } from '../state/context.js';
import { layerGroupLabel, type LayerGroup } from '../state/layers.js';
import { IncidentLegend } from './IncidentLegend.js';

function Dot({ colour, hollow = false, dim = false, halo = false }: { colour: string; hollow?: boolean; dim?: boolean; halo?: boolean }) {
  const style = hollow ? { borderColor: colour } : { background: colour, opacity: dim ? 0.45 : 1, boxShadow: halo ? `0 0 0 4px ${colour}55` : undefined };
  return <span className={`legend-dot${hollow ? ' legend-dot-hollow' : ''}`} style={style} aria-hidden="true" />;
}

function Icon({ name }: { name: string }) {
  const src = useMemo(() => iconDataUrl(name), [name]);
  return <img className="legend-icon" src={src} alt="" />;
}

function Key({ symbol, children }: { symbol: ReactNode; children: ReactNode }) {
  return (
    <li className="legend-key">
      {symbol}
      <span>{children}</span>
    </li>
  );
}

function Toggle({ group, hint, indent = false }: { group: LayerGroup; hint?: string; indent?: boolean }) {
  const lang = useLang();
  const store = useOpsStore();
  const on = useOps((s) => s.layers[group]);
  const toggle = () => store.setState((s) => ({ layers: { ...s.layers, [group]: !s.layers[group] } }));
  return (
    <label className={`layer-toggle${indent ? ' layer-toggle-indent' : ''}`}>
      <input type="checkbox" checked={on} onChange={toggle} data-testid={`layer-toggle-${group}`} />
      <span>{layerGroupLabel(group, lang)}</span>
      {hint && <span className="muted layer-hint">{hint}</span>}
    </label>
  );
}

const UNIT_TYPES: UnitType[] = ['fpu-vehicle', 'ipo-foot', 'joint-patrol', 'static-post'];
const POC_STATUSES: PocStatus[] = ['poc-site', 'idp-camp', 'handed-over'];

/** Turns layer groups on and off, each with the legend of what it draws. */
export function LayerSwitcher() {
  // Open on a wall display; folded on a laptop screen, where it would cover a third of the map.
  const lang = useLang();
  const t = useMessages(panelMessages);
  const [open, setOpen] = useState(() => window.innerHeight >= 900);
  return (
    <section className={`layers${open ? '' : ' layers-closed'}`} data-testid="layer-switcher" aria-label={t.layersAndLegend}>
      <button type="button" className="layers-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span>{t.layersAndLegend}</span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="layers-body">
          <div className="layer-group">
            <Toggle group="units" />
            <ul className="legend">
              {UNIT_TYPES.map((type) => (
                <Key key={type} symbol={<Dot colour={UNIT_TYPE_COLOURS[type]} />}>
                  {unitTypeShort(type, lang)}
                </Key>
              ))}
              <Key symbol={<Dot colour={ACTIVITY_COLOURS.responding} halo />}>{t.responding}</Key>
              <Key symbol={<Dot colour={ACTIVITY_COLOURS.sos} halo />}>SOS</Key>
              <Key symbol={<Dot colour={UNIT_TYPE_COLOURS['fpu-vehicle']} dim />}>{t.staleDimmed}</Key>
              <Key symbol={<Dot colour={LOST_COLOUR} hollow />}>{t.lostHollow}</Key>
            </ul>
            <Toggle group="unitLabels" hint={t.zoom(8)} indent />
            <Toggle group="accuracy" hint={t.zoom(9)} indent />
            <ul className="legend">
              <Key symbol={<span className="legend-implausible" aria-hidden="true">!</span>}>{t.implausible}</Key>
            </ul>
          </div>
          <div className="layer-group">
            <Toggle group="trails" />
            <ul className="legend">
              <Key symbol={<span className="legend-trail" style={{ borderColor: UNIT_TYPE_COLOURS['fpu-vehicle'] }} aria-hidden="true" />}>
                {t.newer}
              </Key>
              <Key
                symbol={<span className="legend-trail" style={{ borderColor: UNIT_TYPE_COLOURS['fpu-vehicle'], opacity: 0.3 }} aria-hidden="true" />}
              >
                {t.older}
              </Key>
              <Key symbol={<span className="legend-trail legend-trail-selected" style={{ borderColor: UNIT_TYPE_COLOURS['fpu-vehicle'] }} aria-hidden="true" />}>
                {t.selected}
              </Key>
            </ul>
          </div>
          <div className="layer-group">
            <Toggle group="incidents" />
            <IncidentLegend />
            <Toggle group="incidentLabels" hint={t.zoom(9)} indent />
          </div>
          <div className="layer-group">
            <Toggle group="offices" />
            <ul className="legend">
              <Key symbol={<Icon name={SITE_ICONS.headquarters} />}>{t.missionHq}</Key>
              <Key symbol={<Icon name={SITE_ICONS.fieldOffice} />}>{t.fieldOfficeKey}</Key>
            </ul>
          </div>
          <div className="layer-group">
            <Toggle group="pocSites" />
            <ul className="legend">
              {POC_STATUSES.map((s) => (
                <Key key={s} symbol={<Icon name={SITE_ICONS.poc(s)} />}>
                  {pocStatusShort(s, lang)}
                </Key>
              ))}
            </ul>
          </div>
          <div className="layer-group">
            <Toggle group="policeStations" />
            <ul className="legend">
              <Key symbol={<Icon name={SITE_ICONS.policeStation} />}>{t.policeStation}</Key>
            </ul>
          </div>
          <div className="layer-group">
            <Toggle group="corridors" />
            <ul className="legend">
              <Key symbol={<span className="legend-dash" style={{ borderColor: SITE_COLOURS.corridor }} aria-hidden="true" />}>
                {t.inSeason}
              </Key>
              <Key symbol={<span className="legend-dash" style={{ borderColor: SITE_COLOURS.corridor, opacity: 0.45 }} aria-hidden="true" />}>
                {t.outOfSeasonKey}
              </Key>
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
