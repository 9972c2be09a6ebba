import { countUnits } from '../state/counts.js';
import { useOps } from '../state/context.js';
import { policyFrom } from '../state/status.js';

/** How many patrols are on the map and how fresh they are. */
export function UnitCount({ now }: { now: number }) {
  const units = useOps((s) => s.units);
  const config = useOps((s) => s.config);
  const c = countUnits(units.values(), now, policyFrom(config));
  return (
    <div className="unit-count" data-testid="unit-count" data-count={c.total} aria-label={`${c.total} patrols`}>
      <span className="unit-count-total">{c.total}</span>
      <span className="unit-count-label">patrols</span>
      <span className="unit-count-breakdown">
        <span className="status-live">{c.live} live</span>
        <span className="status-stale">{c.stale} stale</span>
        <span className="status-lost">{c.lost} lost</span>
        {c.sos > 0 && <span className="status-sos">{c.sos} SOS</span>}
      </span>
    </div>
  );
}
