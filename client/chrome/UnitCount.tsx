import { countUnits } from '../state/counts.js';
import { useOps } from '../state/context.js';
import { policyFrom } from '../state/status.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';

/** How many patrols are on the map and how fresh they are. */
export function UnitCount({ now }: { now: number }) {
  const units = useOps((s) => s.units);
  const config = useOps((s) => s.config);
  const t = useMessages(chromeMessages);
  const c = countUnits(units.values(), now, policyFrom(config));
  return (
    <div className="unit-count" data-testid="unit-count" data-count={c.total} aria-label={t.patrolsAria(c.total)}>
      <span className="unit-count-total">{c.total}</span>
      <span className="unit-count-label">{t.patrols(c.total)}</span>
      <span className="unit-count-breakdown">
        <span className="status-live">{t.live(c.live)}</span>
        <span className="status-stale">{t.stale(c.stale)}</span>
        <span className="status-lost">{t.lost(c.lost)}</span>
        {c.sos > 0 && <span className="status-sos">{c.sos} SOS</span>}
      </span>
    </div>
  );
}
