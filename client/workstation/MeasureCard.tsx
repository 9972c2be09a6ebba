import { useMessages } from '../i18n/messages.js';
import { workstationMessages } from './messages.js';
import { useEffect } from 'react';
import { isPlainKey, isTypingTarget } from '../chrome/shortcut.js';
import { useOps, useOpsStore } from '../state/context.js';
import { stopMeasuring } from './actions.js';
import { degreesToMils, formatBearing, formatKm, formatMils, measurePath } from './measure.js';
import { updateWorkstation } from './state.js';

/**
 * What is being measured: each leg, the total and the last leg's bearing in degrees and NATO
 * mils. Backspace takes back the last point; Esc, M or "Done" ends it.
 */
export function MeasureCard() {
  const t = useMessages(workstationMessages);
  const store = useOpsStore();
  const points = useOps((s) => s.workstation.measure);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const measuring = store.getState().workstation.measure;
      if (!measuring || !isPlainKey(e, 'backspace') || isTypingTarget(e.target)) return;
      e.preventDefault();
      if (measuring.length > 0) updateWorkstation(store, { measure: measuring.slice(0, -1) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  if (!points) return null;
  const m = measurePath(points);
  const undo = () => updateWorkstation(store, (w) => (w.measure ? { measure: w.measure.slice(0, -1) } : {}));

  return (
    <section className="tool-card measure-card" data-testid="measure-card" data-points={points.length} aria-label={t.measureDistance}>
      <div className="tool-card-head">
        <h2 className="tool-card-title">{t.measure}</h2>
        {m.legsKm.length > 0 && (
          <strong className="measure-total mono" data-testid="measure-total" data-km={m.totalKm}>
            {formatKm(m.totalKm)}
          </strong>
        )}
        <button type="button" className="panel-close tool-card-close" onClick={() => stopMeasuring(store)} aria-label={t.endMeasuring} title={t.endMeasuringEsc}>
          ×
        </button>
      </div>
      {points.length < 2 ? (
        <p className="measure-hint" data-testid="measure-hint">
          {points.length === 0 ? t.clickStart : t.clickNext}
        </p>
      ) : (
        <>
          <ol className="measure-legs" data-testid="measure-legs">
            {m.legsKm.map((km, i) => (
              <li key={i} data-testid="measure-leg" data-km={km}>
                <span className="muted">{t.leg(i + 1)}</span> <span className="mono">{formatKm(km)}</span>
              </li>
            ))}
          </ol>
          {m.lastBearingDeg !== null && (
            <p className="measure-bearing" data-testid="measure-bearing" data-degrees={m.lastBearingDeg}>
              <span className="muted">{m.legsKm.length > 1 ? t.lastLegBearing : t.bearing}</span>{' '}
              <span className="mono" data-testid="measure-bearing-degrees">
                {formatBearing(m.lastBearingDeg)}
              </span>{' '}
              <span className="muted">{t.trueNorth}</span>{' '}
              <span className="mono" data-testid="measure-bearing-mils">
                {formatMils(degreesToMils(m.lastBearingDeg))}
              </span>
            </p>
          )}
        </>
      )}
      <div className="measure-actions">
        <button type="button" className="button button-small" data-testid="measure-undo" onClick={undo} disabled={points.length === 0} title={t.undoTitle}>
          {t.undo}
        </button>
        <button type="button" className="button button-small" data-testid="measure-done" onClick={() => stopMeasuring(store)} title={t.endMeasuringEsc}>
          {t.done}
        </button>
      </div>
    </section>
  );
}
