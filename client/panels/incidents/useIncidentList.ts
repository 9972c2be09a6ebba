import { useCallback, useEffect, useMemo, useState } from 'react';
import { navigate, useRoute } from '../../routing/useRoute.js';
import { useMe } from '../../session/context.js';
import { useOps, useOpsStore } from '../../state/context.js';
import { FOCUS_ZOOM, updateWorkstation } from '../../workstation/state.js';
import { loadIncidentFilter, saveIncidentFilter } from './filterStorage.js';
import { buildIncidentList, DEFAULT_INCIDENT_FILTER, type IncidentFilter, type IncidentList } from './incidentList.js';

/** The list for the filter, rebuilt only when an incident or the filter changes. */
export function useIncidentList(filter: IncidentFilter): IncidentList {
  const incidents = useOps((s) => s.incidents);
  return useMemo(() => buildIncidentList(incidents.values(), filter), [incidents, filter]);
}

/** The tab's session storage, or none where the browser refuses it (some private modes throw on access). */
function sessionStorageOrNone(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** This person's filters, kept in the tab's session storage as they change. */
export function useIncidentFilter(): [IncidentFilter, (filter: IncidentFilter) => void] {
  const me = useMe();
  const who = me ? `${me.kind}:${me.name}` : '';
  const [filter, setFilter] = useState(() => {
    const storage = sessionStorageOrNone();
    return storage ? loadIncidentFilter(storage, who) : DEFAULT_INCIDENT_FILTER;
  });
  useEffect(() => {
    const storage = sessionStorageOrNone();
    if (storage && who !== '') saveIncidentFilter(storage, who, filter);
  }, [who, filter]);
  return [filter, setFilter];
}

/** Selects an incident (its details open beside the map) and flies the map to it. */
export function useFocusIncident(): (incidentId: string) => void {
  const store = useOpsStore();
  const onAdmin = useRoute().page === 'admin';
  return useCallback(
    (incidentId: string) => {
      const incident = store.getState().incidents.get(incidentId);
      if (!incident) return;
      if (onAdmin) navigate({ page: 'map' });
      store.setState({ selection: { kind: 'incident', id: incidentId } });
      updateWorkstation(store, { flyTo: { lat: incident.location.lat, lon: incident.location.lon, zoom: FOCUS_ZOOM } });
    },
    [store, onAdmin],
  );
}
