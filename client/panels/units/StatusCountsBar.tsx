import type { StatusCounts, StatusFilter } from './unitList.js';

const SHOWN: { filter: Exclude<StatusFilter, 'all'>; label: string }[] = [
  { filter: 'sos', label: 'SOS' },
  { filter: 'lost', label: 'Lost' },
  { filter: 'stale', label: 'Stale' },
  { filter: 'live', label: 'Live' },
  { filter: 'unknown', label: 'No fix' },
];

/** How many units are in each state; each count also narrows the list to that state. */
export function StatusCountsBar({ counts, active, onPick }: { counts: StatusCounts; active: StatusFilter; onPick: (filter: StatusFilter) => void }) {
  return (
    <div className="units-counts" data-testid="units-counts">
      {SHOWN.map(({ filter, label }) => {
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
            <span className="units-count-label">{label}</span>
          </button>
        );
      })}
    </div>
  );
}
