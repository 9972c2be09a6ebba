import { useEffect, useRef } from 'react';
import type { Alert } from '../../../shared/alerts.js';
import { useOpsStore } from '../../state/context.js';
import { alarmFor, REPEATING_SEVERITY, repeatDue } from '../alarm.js';
import { useSound } from './SoundContext.js';

/**
 * Sounds the alarm when a severe alert is raised (not for those already there when the page
 * loaded), and again every ten seconds while a critical one waits for acknowledgement.
 */
export function AlarmWatcher() {
  const store = useOpsStore();
  const { play } = useSound();
  // What the screen held when it last looked; null until the first snapshot has arrived.
  const known = useRef<ReadonlyMap<string, Alert> | null>(store.getState().alerts.size > 0 ? store.getState().alerts : null);
  const lastSounded = useRef(-Infinity);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.alerts === previous.alerts) return;
        const severity = alarmFor(known.current, state.alerts);
        known.current = state.alerts;
        if (severity === 0) return;
        lastSounded.current = Date.now();
        play(severity);
      }),
    [store, play],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      if (!repeatDue(store.getState().alerts, lastSounded.current, now)) return;
      lastSounded.current = now;
      play(REPEATING_SEVERITY);
    }, 1_000);
    return () => clearInterval(timer);
  }, [store, play]);

  return null;
}
