import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { OpsState, OpsStore } from './store.js';

const StoreContext = createContext<OpsStore | null>(null);

export function StoreProvider({ store, children }: { store: OpsStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useOpsStore(): OpsStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useOpsStore must be used inside <StoreProvider>');
  return store;
}

/** Reads one slice of the operations state; re-renders only when that slice changes. */
export function useOps<T>(selector: (state: OpsState) => T): T {
  return useStore(useOpsStore(), selector);
}
