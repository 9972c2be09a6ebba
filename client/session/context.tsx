import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../../shared/auth.js';
import type { Session } from '../http/session.js';
import { useOps } from '../state/context.js';
import { meOf } from '../state/session.js';
import { isWallView } from './wall.js';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Signing in and out, and requests made with the session. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** Who is signed in, or null. */
export function useMe(): Me | null {
  return useOps((s) => meOf(s.session));
}

/** True on a wall display, which offers nothing that needs a person. */
export function useWallView(): boolean {
  const me = useMe();
  return isWallView(me, window.location.search);
}
