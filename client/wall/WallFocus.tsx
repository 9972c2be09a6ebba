import { useState } from 'react';
import { useMessages } from '../i18n/messages.js';
import { cycleSecondsFrom, focusedSpot } from './cycle.js';
import { wallMessages } from './messages.js';
import { useHotspotCycle } from './useHotspotCycle.js';
import './wall.css';

/**
 * Moves the wall's map between the whole mission and the hot spots by itself, and says over the
 * map what it is looking at: "Focus: SOS — BOR-FPU-2 · 3 of 5".
 */
export function WallFocus() {
  const [cycleS] = useState(() => cycleSecondsFrom(window.location.search));
  const { focus, spots } = useHotspotCycle(cycleS);
  const current = focusedSpot(focus, spots);
  const urgent = focus.kind === 'hotspot' && focus.alertId !== null;
  const t = useMessages(wallMessages);

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
          <span className="wall-focus-tag">{urgent ? t.newAlert : t.focus}</span>{' '}
          <span className="wall-focus-what">{current.spot.label}</span>{' '}
          {current.position !== null && <span className="wall-focus-count">{t.position(current.position, spots.length)}</span>}
        </>
      ) : (
        <>
          <span className="wall-focus-tag">{t.wholeMission}</span>{' '}
          <span className="wall-focus-count">
{spots.length === 0 ? t.noHotSpots : t.hotSpots(spots.length, cycleS !== 0)}
          </span>
        </>
      )}
    </div>
  );
}
