import { useCallback } from 'react';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useOpsStore } from '../state/context.js';

/** Selects a unit and flies the map to it, as a click in the units list does. */
export function useFocusUnit(): (unitId: string) => void {
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  return useCallback(
    (unitId: string) => {
      if (onAdmin) navigate({ page: 'map' });
      store.setState({ selection: { kind: 'unit', id: unitId }, focusRequest: { unitId } });
    },
    [store, onAdmin],
  );
}
