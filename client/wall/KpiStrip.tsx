import { useServerNow } from '../chrome/useNow.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { CATEGORY_CODE, CATEGORY_COLOUR, categoryLabel } from '../incidents/categories.js';
import { useOps } from '../state/context.js';
import { policyFrom } from '../state/status.js';
import { alertSubject, categoryShort, officePatrols, oldestUnacknowledged, openAlerts, recentIncidents, topCategories, waitedFor } from './kpis.js';
import { wallMessages } from './messages.js';
import './wall.css';

/** Rows of categories the column has room for, the last one gathering the rest. */
const CATEGORY_ROWS = 5;

/** The three link figures, in their colours, with their words for screen readers. */
function Triple({ live, stale, lost }: { live: number; stale: number; lost: number }) {
  const t = useMessages(wallMessages);
  return (
    <span className="wall-triple" aria-label={t.triple(live, stale, lost)}>
      <span className="wall-live">{live}</span>
      <span className="wall-sep" aria-hidden="true">
        ·
      </span>
      <span className="wall-stale">{stale}</span>
      <span className="wall-sep" aria-hidden="true">
        ·
      </span>
      <span className="wall-lost">{lost}</span>
    </span>
  );
}

/**
 * The wall's key figures beside the map, read from five metres: patrols live, stale and lost per
 * field office; incidents of the last 24 hours by category; alerts waiting for a desk and the one
 * that has waited longest.
 */
export function KpiStrip() {
  const now = useServerNow(5_000);
  const units = useOps((s) => s.units);
  const incidents = useOps((s) => s.incidents);
  const alerts = useOps((s) => s.alerts);
  const config = useOps((s) => s.config);
  const lang = useLang();
  const t = useMessages(wallMessages);

  const offices = officePatrols(units.values(), now, policyFrom(config));
  const total = offices.reduce(
    (sum, o) => ({ live: sum.live + o.live, stale: sum.stale + o.stale, lost: sum.lost + o.lost, noFix: sum.noFix + o.noFix, sos: sum.sos + o.sos }),
    { live: 0, stale: 0, lost: 0, noFix: 0, sos: 0 },
  );
  const recent = recentIncidents(incidents.values(), now);
  const categories = topCategories(recent.byCategory, CATEGORY_ROWS);
  const open = openAlerts(alerts);
  const oldest = oldestUnacknowledged(alerts);
  const worst = open.reduce((w, a) => Math.max(w, a.severity), 0);

  return (
    <aside className="wall-kpis" data-testid="wall-kpis" aria-label={t.keyFigures}>
      <section className="wall-kpi">
        <h2 className="wall-kpi-title">
          {t.patrols}
          <span className="wall-kpi-figure" data-testid="wall-patrols-total">
            {total.live + total.stale + total.lost + total.noFix}
          </span>
        </h2>
        <p className="wall-kpi-totals" data-testid="wall-patrols-totals">
          <span className="wall-live">{t.live(total.live)}</span> <span className="wall-stale">{t.stale(total.stale)}</span>{' '}
          <span className="wall-lost">{t.lost(total.lost)}</span>
          {total.sos > 0 && (
            <>
              {' '}
              <span className="wall-sos">{t.sos(total.sos)}</span>
            </>
          )}
        </p>
        <p className="wall-kpi-subtitle">
          {t.byOffice} <span className="wall-live">{t.liveWord}</span> · <span className="wall-stale">{t.staleWord}</span> ·{' '}
          <span className="wall-lost">{t.lostWord}</span>
        </p>
        {offices.length === 0 ? (
          <p className="wall-kpi-none">{t.noPatrols}</p>
        ) : (
          <ul className="wall-offices">
            {offices.map((o) => (
              <li
                key={o.office}
                className={`wall-office${o.sos > 0 ? ' wall-office-sos' : ''}`}
                data-testid={`wall-office-${o.office}`}
                data-live={o.live}
                data-stale={o.stale}
                data-lost={o.lost}
                data-sos={o.sos}
              >
                <span className="wall-office-name">{o.office.toUpperCase()}</span>
                <Triple live={o.live} stale={o.stale} lost={o.lost} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="wall-kpi">
        <h2 className="wall-kpi-title">
          {t.incidents24h}
          <span className="wall-kpi-figure" data-testid="wall-incidents-total">
            {recent.total}
          </span>
        </h2>
        {recent.total === 0 ? (
          <p className="wall-kpi-none">{t.noneReported}</p>
        ) : (
          <ul className="wall-categories">
            {categories.shown.map((row) => (
              <li key={row.category} className="wall-category" data-testid={`wall-category-${row.category}`} data-count={row.count} title={categoryLabel(row.category, lang)}>
                <span className="wall-diamond" style={{ background: CATEGORY_COLOUR[row.category] }} aria-hidden="true">
                  <span>{CATEGORY_CODE[row.category]}</span>
                </span>
                <span className="wall-category-name">{categoryShort(row.category, lang)}</span>
                <span className="wall-category-count">{row.count}</span>
              </li>
            ))}
            {categories.rest > 0 && (
              <li className="wall-category" data-testid="wall-category-rest" data-count={categories.rest}>
                <span className="wall-diamond wall-diamond-rest" aria-hidden="true" />
                <span className="wall-category-name">{t.moreCategories(categories.restCategories)}</span>
                <span className="wall-category-count">{categories.rest}</span>
              </li>
            )}
          </ul>
        )}
      </section>

      <section className={`wall-kpi wall-kpi-alerts${open.length > 0 ? ` wall-kpi-alerts-${worst >= 4 ? 'critical' : 'waiting'}` : ''}`}>
        <h2 className="wall-kpi-title">
          {t.openAlerts}
          <span className="wall-kpi-figure" data-testid="wall-open-alerts">
            {open.length}
          </span>
        </h2>
        <p className="wall-kpi-subtitle">{t.oldestUnacknowledged}</p>
        <p className="wall-oldest" data-testid="wall-oldest-alert" data-alert-id={oldest?.id ?? ''}>
          {oldest ? (
            <>
              <span className="wall-oldest-what">{alertSubject(oldest, units, lang)}</span>{' '}
              <span className="wall-oldest-age">· {waitedFor(oldest.raisedAt, now, lang)}</span>
            </>
          ) : (
            t.allAcknowledged
          )}
        </p>
      </section>
    </aside>
  );
}
