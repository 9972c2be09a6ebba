import type { StatusCounts, StatusFilter } from './unitList.js';
import { linkStatusLabel } from '../../format/labels.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';


const SHOWN: readonly Exclude<StatusFilter, 'all'>[] = ['sos', 'lost', 'stale', 'live', 'unknown'];

/** How many units are in each state; each count also narrows the list to that state. */
export function StatusCountsBar({ counts, active, onPick }: { counts: StatusCounts; active: StatusFilter; onPick: (filter: StatusFilter) => void }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const labelOf = (filter: Exclude<StatusFilter, 'all'>): string =>
    filter === 'sos' ? 'SOS' : filter === 'unknown' ? t.noFix : linkStatusLabel(filter, lang);
  return (
    <div className="units-counts" data-testid="units-counts">
      {SHOWN.map((filter) => {
        const n = counts[filter];
        if (filter === 'sos' && n === 0) return null;
        return (
          <button
            key={filter}
            type="button"
            className={`units-count units-count-${filter}`}
            data-testid={`units-count-${filter}`}
            data-count={n}
            aria-pressed={active === filter}
            onClick={() => onPick(active === filter ? 'all' : filter)}
          >
            <span className="units-count-n">{n}</span>
            <span className="units-count-label">{labelOf(filter)}</span>
          </button>
        );
      })}
    </div>
  );
}
