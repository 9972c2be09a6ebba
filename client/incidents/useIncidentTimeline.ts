import { useEffect, useState } from 'react';
import { z } from 'zod';
import { IncidentEvent } from '../../shared/incidents.js';
import { useSession } from '../session/context.js';

const Timeline = z.array(IncidentEvent);

export type TimelineState = { status: 'loading' } | { status: 'loaded'; events: IncidentEvent[] } | { status: 'failed'; problem: string };

/** An incident's append-only log, fetched again whenever the incident changes (its updatedAt). */
export function useIncidentTimeline(id: string, updatedAt: number): TimelineState {
  const session = useSession();
  const [state, setState] = useState<TimelineState>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    // Keep showing the old log while the new one loads: it only ever grows.
    session
      .get(`/api/incidents/${encodeURIComponent(id)}/timeline`, Timeline, abort.signal)
      .then((events) => setState({ status: 'loaded', events }))
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: 'failed', problem: err instanceof Error ? err.message : String(err) });
      });
    return () => abort.abort();
  }, [session, id, updatedAt]);

  useEffect(() => setState({ status: 'loading' }), [id]);
  return state;
}
