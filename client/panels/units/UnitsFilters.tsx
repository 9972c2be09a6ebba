import { FieldOfficeId } from '../../../shared/sites.js';
import { LinkStatus } from '../../../shared/units.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import { fieldOfficeName, linkStatusLabel } from '../../format/labels.js';
import type { StatusFilter, UnitListFilter } from './unitList.js';

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'sos', ...LinkStatus.options];

const isStatusFilter = (value: string): value is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(value);
const isOffice = (value: string): value is FieldOfficeId => FieldOfficeId.safeParse(value).success;

/** Search by callsign, id or group; narrow by status and field office. */
export function UnitsFilters({ filter, onChange }: { filter: UnitListFilter; onChange: (filter: UnitListFilter) => void }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const statusFilterLabel = (s: StatusFilter): string => (s === 'all' ? t.anyStatus : s === 'sos' ? 'SOS' : linkStatusLabel(s, lang));
  return (
    <div className="units-filters">
      <input
        type="search"
        className="units-search"
        data-testid="units-search"
        placeholder={t.searchUnits}
        aria-label={t.searchUnitsAria}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
        onKeyDown={(e) => {
          // Escape clears the search first; the details panel closes on the next one.
          if (e.key === 'Escape' && filter.text !== '') {
            e.stopPropagation();
            onChange({ ...filter, text: '' });
          }
        }}
      />
      <select
        data-testid="units-filter-status"
        aria-label={t.filterStatus}
        value={filter.status}
        onChange={(e) => isStatusFilter(e.target.value) && onChange({ ...filter, status: e.target.value })}
      >
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {statusFilterLabel(s)}
          </option>
        ))}
      </select>
      <select
        data-testid="units-filter-office"
        aria-label={t.filterOffice}
        value={filter.office}
        onChange={(e) => onChange({ ...filter, office: isOffice(e.target.value) ? e.target.value : 'all' })}
      >
        <option value="all">{t.everyOffice}</option>
        {FieldOfficeId.options.map((id) => (
          <option key={id} value={id}>
            {fieldOfficeName(id)}
          </option>
        ))}
      </select>
    </div>
  );
}
