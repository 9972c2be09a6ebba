import { IncidentCategory, IncidentStatus } from '../../../shared/incidents.js';
import { FieldOfficeId } from '../../../shared/sites.js';
import { fieldOfficeName } from '../../format/labels.js';
import { CATEGORY_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../../incidents/categories.js';
import { IncidentDiamond } from '../IncidentLegend.js';
import { DEFAULT_INCIDENT_FILTER, IncidentStatusFilter, isDefaultFilter, OfficeFilter, type IncidentFilter } from './incidentList.js';

const SEVERITIES = [1, 2, 3, 4] as const;
const severityOption = (n: number): string => (n === 1 ? 'Any severity' : n === 4 ? '4 Critical only' : `${n} ${SEVERITY_LABEL[n]} or worse`);

function categorySummary(categories: readonly IncidentCategory[]): string {
  const [only] = categories;
  if (only === undefined) return 'Every category';
  if (categories.length === 1) return CATEGORY_LABEL[only];
  return `${categories.length} categories`;
}

/** Search titles; narrow by category (several at once), severity, lifecycle step and field office. */
export function IncidentsFilters({ filter, onChange }: { filter: IncidentFilter; onChange: (filter: IncidentFilter) => void }) {
  const toggleCategory = (category: IncidentCategory, on: boolean) => {
    const chosen = new Set(filter.categories);
    if (on) chosen.add(category);
    else chosen.delete(category);
    // Kept in the legend's order, whatever order they were ticked in.
    onChange({ ...filter, categories: IncidentCategory.options.filter((c) => chosen.has(c)) });
  };

  return (
    <div className="incidents-filters">
      <input
        type="search"
        className="incidents-search"
        data-testid="incidents-search"
        placeholder="Search titles"
        aria-label="Search incidents by title"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
        onKeyDown={(e) => {
          // Escape clears the search first; the next one closes what is on top.
          if (e.key === 'Escape' && filter.text !== '') {
            e.stopPropagation();
            onChange({ ...filter, text: '' });
          }
        }}
      />
      <details className="incidents-categories" data-testid="incidents-filter-category">
        <summary className={filter.categories.length > 0 ? 'incidents-categories-narrowed' : undefined} data-testid="incidents-filter-category-summary">
          {categorySummary(filter.categories)}
        </summary>
        <div className="incidents-categories-body">
          <fieldset aria-label="Show these categories">
            {IncidentCategory.options.map((c) => (
              <label key={c} className="incidents-category" title={CATEGORY_LABEL[c]}>
                <input
                  type="checkbox"
                  data-testid={`incidents-category-${c}`}
                  checked={filter.categories.includes(c)}
                  onChange={(e) => toggleCategory(c, e.target.checked)}
                />
                <IncidentDiamond category={c} />
                <span className="incidents-category-label">{CATEGORY_LABEL[c]}</span>
              </label>
            ))}
          </fieldset>
          {filter.categories.length > 0 && (
            <button type="button" className="button button-small" onClick={() => onChange({ ...filter, categories: [] })}>
              Every category
            </button>
          )}
        </div>
      </details>
      <select
        data-testid="incidents-filter-severity"
        aria-label="Filter by severity"
        value={filter.minSeverity}
        onChange={(e) => {
          const n = SEVERITIES.find((s) => String(s) === e.target.value);
          if (n !== undefined) onChange({ ...filter, minSeverity: n });
        }}
      >
        {SEVERITIES.map((n) => (
          <option key={n} value={n}>
            {severityOption(n)}
          </option>
        ))}
      </select>
      <select
        data-testid="incidents-filter-status"
        aria-label="Filter by status"
        value={filter.status}
        onChange={(e) => {
          const status = IncidentStatusFilter.safeParse(e.target.value);
          if (status.success) onChange({ ...filter, status: status.data });
        }}
      >
        <option value="open">Open incidents</option>
        <option value="all">Every status</option>
        {IncidentStatus.options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <select
        data-testid="incidents-filter-office"
        aria-label="Filter by field office"
        value={filter.office}
        onChange={(e) => {
          const office = OfficeFilter.safeParse(e.target.value);
          if (office.success) onChange({ ...filter, office: office.data });
        }}
      >
        <option value="all">Every field office</option>
        {FieldOfficeId.options.map((id) => (
          <option key={id} value={id}>
            {fieldOfficeName(id)}
          </option>
        ))}
        <option value="none">No field office nearby</option>
      </select>
      {!isDefaultFilter(filter) && (
        <button type="button" className="incidents-reset" data-testid="incidents-filter-reset" onClick={() => onChange(DEFAULT_INCIDENT_FILTER)}>
          Clear filters: every open incident
        </button>
      )}
    </div>
  );
}
