import { FieldOfficeId } from '../../../shared/sites.js';
import { LinkStatus } from '../../../shared/units.js';
import { fieldOfficeName, STATUS_LABEL } from '../../format/labels.js';
import type { StatusFilter, UnitListFilter } from './unitList.js';

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'sos', ...LinkStatus.options];
const STATUS_FILTER_LABEL: Record<StatusFilter, string> = { all: 'Any status', sos: 'SOS', ...STATUS_LABEL };

const isStatusFilter = (value: string): value is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(value);
const isOffice = (value: string): value is FieldOfficeId => FieldOfficeId.safeParse(value).success;

/** Search by callsign, id or group; narrow by status and field office. */
export function UnitsFilters({ filter, onChange }: { filter: UnitListFilter; onChange: (filter: UnitListFilter) => void }) {
  return (
    <div className="units-filters">
      <input
        type="search"
        className="units-search"
        data-testid="units-search"
        placeholder="Search callsign, id or group"
        aria-label="Search units by callsign, id or group"
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
        aria-label="Filter by status"
        value={filter.status}
        onChange={(e) => isStatusFilter(e.target.value) && onChange({ ...filter, status: e.target.value })}
      >
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATUS_FILTER_LABEL[s]}
          </option>
        ))}
      </select>
      <select
        data-testid="units-filter-office"
        aria-label="Filter by field office"
        value={filter.office}
        onChange={(e) => onChange({ ...filter, office: isOffice(e.target.value) ? e.target.value : 'all' })}
      >
        <option value="all">Every field office</option>
        {FieldOfficeId.options.map((id) => (
          <option key={id} value={id}>
            {fieldOfficeName(id)}
          </option>
        ))}
      </select>
    </div>
  );
}
