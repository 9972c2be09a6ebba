import { IncidentCategory } from '../../shared/incidents.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, categoryLabel } from '../incidents/categories.js';
import { SEVERITY_RING_COLOURS } from '../map/incidentLayers.js';
import '../incidents/incidents.css';

/** The diamond the map draws, in HTML: category colour, the category's code inside. */
export function IncidentDiamond({ category, dim = false }: { category: IncidentCategory; dim?: boolean }) {
  return (
    <span className="incident-diamond" style={{ background: CATEGORY_COLOUR[category], opacity: dim ? 0.4 : 1 }} aria-hidden="true">
      <span>{CATEGORY_CODE[category]}</span>
    </span>
  );
}

/** What the incident markers mean: the 14 categories, severity rings, finished and coarsened ones. */
export function IncidentLegend() {
  const lang = useLang();
  const t = useMessages(panelMessages);
  return (
    <ul className="legend incident-legend" data-testid="incident-legend">
      {IncidentCategory.options.map((c) => (
        <li key={c} className="legend-key" title={categoryLabel(c, lang)}>
          <IncidentDiamond category={c} />
          <span className="legend-text">{categoryLabel(c, lang)}</span>
        </li>
      ))}
      <li className="legend-key">
        <span className="legend-ring" style={{ borderColor: SEVERITY_RING_COLOURS[4] }} aria-hidden="true" />
        <span>{t.critical4}</span>
      </li>
      <li className="legend-key">
        <span className="legend-ring" style={{ borderColor: SEVERITY_RING_COLOURS[3] }} aria-hidden="true" />
        <span>{t.high3}</span>
      </li>
      <li className="legend-key">
        <IncidentDiamond category="crime" dim />
        <span>{t.resolvedClosed}</span>
      </li>
      <li className="legend-key">
        <span className="legend-ring legend-ring-dashed" aria-hidden="true" />
        <span>{t.needToKnowRing}</span>
      </li>
    </ul>
  );
}
