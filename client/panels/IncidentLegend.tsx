import { IncidentCategory } from '../../shared/incidents.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, CATEGORY_LABEL } from '../incidents/categories.js';
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
  return (
    <ul className="legend incident-legend" data-testid="incident-legend">
      {IncidentCategory.options.map((c) => (
        <li key={c} className="legend-key" title={CATEGORY_LABEL[c]}>
          <IncidentDiamond category={c} />
          <span className="legend-text">{CATEGORY_LABEL[c]}</span>
        </li>
      ))}
      <li className="legend-key">
        <span className="legend-ring" style={{ borderColor: SEVERITY_RING_COLOURS[4] }} aria-hidden="true" />
        <span>Critical (4)</span>
      </li>
      <li className="legend-key">
        <span className="legend-ring" style={{ borderColor: SEVERITY_RING_COLOURS[3] }} aria-hidden="true" />
        <span>High (3)</span>
      </li>
      <li className="legend-key">
        <IncidentDiamond category="crime" dim />
        <span>Resolved / closed</span>
      </li>
      <li className="legend-key">
        <span className="legend-ring legend-ring-dashed" aria-hidden="true" />
        <span>Need-to-know: ±2 km</span>
      </li>
    </ul>
  );
}
