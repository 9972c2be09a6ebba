import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { DispatchCandidate } from '../../shared/incidents.js';
import { useSession } from '../session/context.js';

const Candidates = z.array(DispatchCandidate);

export type CandidatesState =
  | { status: 'loading' }
  | { status: 'loaded'; candidates: DispatchCandidate[]; at: number }
  | { status: 'failed'; problem: string };

/**
 * The patrols that could be sent to an incident, nearest first, as the server ranks them;
 * asked again when the incident changes and every `refreshMs` while the panel is open, since
 * patrols keep moving.
 */
export function useDispatchCandidates(incidentId: string, updatedAt: number, refreshMs = 20_000): { state: CandidatesState; reload: () => void } {
  const session = useSession();
  const [state, setState] = useState<CandidatesState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    const abort = new AbortController();
    session
      .get(`/api/incidents/${encodeURIComponent(incidentId)}/dispatch`, Candidates, abort.signal)
      .then((candidates) => setState({ status: 'loaded', candidates, at: Date.now() }))
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: 'failed', problem: err instanceof Error ? err.message : String(err) });
      });
    const timer = setTimeout(reload, refreshMs);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [session, incidentId, updatedAt, round, refreshMs, reload]);

  useEffect(() => setState({ status: 'loading' }), [incidentId]);
  return { state, reload };
}
