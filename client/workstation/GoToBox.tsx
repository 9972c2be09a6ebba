import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { workstationMessages } from './messages.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDecimalDegrees, formatMgrs } from '../format/position.js';
import { parseLocation } from '../incidents/location.js';
import { useOps, useOpsStore } from '../state/context.js';
import { closeGoTo, GO_TO_INPUT_ID } from './actions.js';
import { GO_TO_ZOOM, updateWorkstation } from './state.js';

/**
 * Type a grid reference or latitude, longitude: the map flies there and marks the place until
 * the box is closed. What cannot be read is said in words, and nothing moves.
 */
export function GoToBox() {
  const lang = useLang();
  const t = useMessages(workstationMessages);
  const store = useOpsStore();
  const mark = useOps((s) => s.workstation.goToMark);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const place = parseLocation(text, lang);
    if (!place.ok) {
      setProblem(place.problem);
      return;
    }
    setProblem(null);
    updateWorkstation(store, {
      goToMark: { lat: place.lat, lon: place.lon, format: place.format },
      flyTo: { lat: place.lat, lon: place.lon, zoom: GO_TO_ZOOM },
    });
  };

  return (
    <section className="tool-card goto-box" data-testid="goto-box" aria-label={t.goToPlace}>
      <form className="goto-form" onSubmit={submit} noValidate>
        <label htmlFor={GO_TO_INPUT_ID} className="tool-card-title">
          {t.goTo}
        </label>
        <input
          ref={input}
          id={GO_TO_INPUT_ID}
          data-testid="goto-input"
          className="mono"
          value={text}
          placeholder={t.goToPlaceholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'workstation-goto-problem' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // Closes the box only: whatever is under it stays open.
              e.stopPropagation();
              closeGoTo(store);
            }
          }}
        />
        <button type="submit" className="button button-primary button-small" data-testid="goto-submit">
          {t.go}
        </button>
        <button type="button" className="panel-close tool-card-close" onClick={() => closeGoTo(store)} aria-label={t.closeGoTo} title={t.closeGoToTitle}>
          ×
        </button>
      </form>
      {problem && (
        <p className="tool-card-problem" id="workstation-goto-problem" role="alert" data-testid="goto-problem">
          {problem}
        </p>
      )}
      {mark && !problem && (
        <p className="goto-marked" data-testid="goto-marked" data-lat={mark.lat} data-lon={mark.lon}>
          <span className="goto-marked-ring" aria-hidden="true" />
          <span className="goto-marked-text">
            <span>
              {t.marked} <span className="mono">{formatMgrs(mark.lon, mark.lat)}</span>
            </span>
            <span className="muted mono">{formatDecimalDegrees(mark.lon, mark.lat)}</span>
          </span>
        </p>
      )}
    </section>
  );
}
