import { IncidentCategory, IncidentStatus } from '../../../shared/incidents.js';
import { FieldOfficeId } from '../../../shared/sites.js';
import { fieldOfficeName } from '../../format/labels.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import type { Lang } from '../../i18n/lang.js';
import { categoryLabel, incidentStatusLabel, severityLabel } from '../../incidents/categories.js';
import { IncidentDiamond } from '../IncidentLegend.js';
import { DEFAULT_INCIDENT_FILTER, IncidentStatusFilter, isDefaultFilter, OfficeFilter, type IncidentFilter } from './incidentList.js';

const SEVERITIES = [1, 2, 3, 4] as const;
const severityOption = (n: number, lang: Lang): string => {
  const t = panelMessages[lang];
  return n === 1 ? t.anySeverity : n === 4 ? t.criticalOnly : t.orWorse(n, severityLabel(n, lang));
};

function categorySummary(categories: readonly IncidentCategory[], lang: Lang): string {
  const t = panelMessages[lang];
  const [only] = categories;
  if (only === undefined) return t.everyCategory;
  if (categories.length === 1) return categoryLabel(only, lang);
  return t.nCategories(categories.length);
}

/** Search titles; narrow by category (several at once), severity, lifecycle step and field office. */
export function IncidentsFilters({ filter, onChange }: { filter: IncidentFilter; onChange: (filter: IncidentFilter) => void }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
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
        placeholder={t.searchTitles}
        aria-label={t.searchIncidentsAria}
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
          {categorySummary(filter.categories, lang)}
        </summary>
        <div className="incidents-categories-body">
          <fieldset aria-label={t.showCategories}>
            {IncidentCategory.options.map((c) => (
              <label key={c} className="incidents-category" title={categoryLabel(c, lang)}>
                <input
                  type="checkbox"
                  data-testid={`incidents-category-${c}`}
                  checked={filter.categories.includes(c)}
                  onChange={(e) => toggleCategory(c, e.target.checked)}
                />
                <IncidentDiamond category={c} />
                <span className="incidents-category-label">{categoryLabel(c, lang)}</span>
              </label>
            ))}
          </fieldset>
          {filter.categories.length > 0 && (
            <button type="button" className="button button-small" onClick={() => onChange({ ...filter, categories: [] })}>
              {t.everyCategory}
            </button>
          )}
        </div>
      </details>
      <select
        data-testid="incidents-filter-severity"
        aria-label={t.filterSeverity}
        value={filter.minSeverity}
        onChange={(e) => {
          const n = SEVERITIES.find((s) => String(s) === e.target.value);
          if (n !== undefined) onChange({ ...filter, minSeverity: n });
        }}
      >
        {SEVERITIES.map((n) => (
          <option key={n} value={n}>
            {severityOption(n, lang)}
          </option>
        ))}
      </select>
      <select
        data-testid="incidents-filter-status"
        aria-label={t.filterStatus}
        value={filter.status}
        onChange={(e) => {
          const status = IncidentStatusFilter.safeParse(e.target.value);
          if (status.success) onChange({ ...filter, status: status.data });
        }}
      >
        <option value="open">{t.openIncidents}</option>
        <option value="all">{t.everyStatus}</option>
        {IncidentStatus.options.map((s) => (
          <option key={s} value={s}>
            {incidentStatusLabel(s, lang)}
          </option>
        ))}
      </select>
      <select
        data-testid="incidents-filter-office"
        aria-label={t.filterOffice}
        value={filter.office}
        onChange={(e) => {
          const office = OfficeFilter.safeParse(e.target.value);
          if (office.success) onChange({ ...filter, office: office.data });
        }}
      >
        <option value="all">{t.everyOffice}</option>
        {FieldOfficeId.options.map((id) => (
          <option key={id} value={id}>
            {fieldOfficeName(id)}
          </option>
        ))}
        <option value="none">{t.noOfficeNearby}</option>
      </select>
      {!isDefaultFilter(filter) && (
        <button type="button" className="incidents-reset" data-testid="incidents-filter-reset" onClick={() => onChange(DEFAULT_INCIDENT_FILTER)}>
          {t.clearFilters}
        </button>
      )}
    </div>
  );
}
