import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { useMessages } from '../i18n/messages.js';
import { iconDataUrl } from '../map/icons.js';
import { SEVERITY_RING_COLOURS } from '../map/incidentLayers.js';
import { ACTIVITY_COLOURS, LOST_COLOUR, UNIT_TYPE_COLOURS } from '../map/palette.js';
import { SITE_ICONS } from '../map/siteLayers.js';
import { wallMessages } from './messages.js';
import './wall.css';

function Icon({ name }: { name: string }) {
  const src = useMemo(() => iconDataUrl(name), [name]);
  return <img className="wall-legend-icon" src={src} alt="" />;
}

function Key({ symbol, children }: { symbol: ReactNode; children: ReactNode }) {
  return (
    <li className="wall-legend-key">
      <span className="wall-legend-symbol" aria-hidden="true">
        {symbol}
      </span>
      <span>{children}</span>
    </li>
  );
}

const dot = (style: CSSProperties) => <span className="wall-legend-dot" style={style} />;

/**
 * What the wall's map symbols mean, in a few large words: nobody can open a legend on a wall, so
 * the few that matter from across the room are always there.
 */
export function WallLegend() {
  const patrol = UNIT_TYPE_COLOURS['fpu-vehicle'];
  const t = useMessages(wallMessages);
  return (
    <section className="wall-legend" data-testid="wall-legend" aria-label={t.legend}>
      <ul className="wall-legend-keys">
        <Key symbol={dot({ background: patrol })}>{t.legendPatrolLive}</Key>
        <Key symbol={dot({ background: patrol, opacity: 0.45 })}>{t.legendStale}</Key>
        <Key symbol={dot({ background: 'transparent', border: `3px solid ${LOST_COLOUR}` })}>{t.legendLost}</Key>
        <Key symbol={dot({ background: ACTIVITY_COLOURS.sos, boxShadow: `0 0 0 6px ${ACTIVITY_COLOURS.sos}66` })}>SOS</Key>
        <Key symbol={<span className="wall-legend-ring" style={{ borderColor: SEVERITY_RING_COLOURS[4] }} />}>{t.legendCritical}</Key>
        <Key symbol={<span className="wall-legend-ring wall-legend-ring-high" style={{ borderColor: SEVERITY_RING_COLOURS[3] }} />}>{t.legendHigh}</Key>
        <Key symbol={<Icon name={SITE_ICONS.fieldOffice} />}>{t.legendFieldOffice}</Key>
        <Key symbol={<Icon name={SITE_ICONS.poc('poc-site')} />}>{t.legendPocSite}</Key>
      </ul>
    </section>
  );
}
