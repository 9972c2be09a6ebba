import { useCallback } from 'react';
import { Alert } from '../../shared/alerts.js';
import { useMe, useSession, useWallView } from '../session/context.js';
import { useOpsStore } from '../state/context.js';
import { usePerItemAction } from '../forms/usePerItemAction.js';
import { withAcknowledged } from './queue.js';

export interface Acknowledging {
  /** false on a wall display and for people without 'alerts:ack' */
  allowed: boolean;
  /** ids being acknowledged right now */
  pending: ReadonlySet<string>;
  /** the last refusal, with the alert it was for */
  problem: { id: string; message: string } | null;
  acknowledge: (id: string) => void;
}

/** Acknowledges alerts for the person at this desk; the feed tells every other screen. */
export function useAcknowledge(): Acknowledging {
  const session = useSession();
  const store = useOpsStore();
  const me = useMe();
  const wall = useWallView();
  const work = useCallback(
    async (id: string) => {
      const answer = await session.send('POST', `/api/alerts/${encodeURIComponent(id)}/acknowledge`, {}, Alert);
      store.setState((s) => ({ alerts: withAcknowledged(s.alerts, answer) }));
    },
    [session, store],
  );
  const { pending, problem, run: acknowledge } = usePerItemAction(work);

  const allowed = !wall && me !== null && me.permissions.includes('alerts:ack');
  return { allowed, pending, problem, acknowledge };
}
