import { useState } from 'react';
import { cycleSecondsFrom, focusedSpot } from './cycle.js';
import { useHotspotCycle } from './useHotspotCycle.js';
import './wall.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Moves the wall's map between the whole mission and the hot spots by itself, and says over the
 * map what it is looking at: "Focus: SOS — BOR-FPU-2 · 3 of 5".
 */
export function WallFocus() {
  const [cycleS] = useState(() => cycleSecondsFrom(window.location.search));
  const { focus, spots } = useHotspotCycle(cycleS);
  const current = focusedSpot(focus, spots);
  const urgent = focus.kind === 'hotspot' && focus.alertId !== null;

  return (
    <div
      className={`wall-focus${current ? ` wall-focus-${current.spot.kind}` : ''}${urgent ? ' wall-focus-urgent' : ''}`}
      data-testid="wall-focus"
      data-focus={focus.kind}
      data-focus-key={current?.spot.key ?? ''}
      role="status"
      aria-live="polite"
    >
      {current ? (
        <>
          <span className="wall-focus-tag">{urgent ? 'New alert:' : 'Focus:'}</span>{' '}
          <span className="wall-focus-what">{current.spot.label}</span>{' '}
          {current.position !== null && <span className="wall-focus-count">{`· ${current.position} of ${spots.length}`}</span>}
        </>
      ) : (
        <>
          <span className="wall-focus-tag">Whole mission</span>{' '}
          <span className="wall-focus-count">
            {spots.length === 0
              ? '· no hot spots'
              : `· ${plural(spots.length, 'hot spot', 'hot spots')}${cycleS === 0 ? '' : ', shown in turn'}`}
          </span>
        </>
      )}
    </div>
  );
}
