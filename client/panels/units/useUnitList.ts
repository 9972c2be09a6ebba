import { useEffect, useMemo, useState } from 'react';
import { useOpsStore } from '../../state/context.js';
import { policyFrom } from '../../state/status.js';
import { serverNow, type OpsState, type OpsStore } from '../../state/store.js';
import { buildUnitList, type UnitList, type UnitListFilter } from './unitList.js';

/** How often the list is rebuilt: news and ageing show within a second, and a busy feed costs no more. */
const REFRESH_MS = 1_000;

interface Reading {
  units: OpsState['units'];
  config: OpsState['config'];
  now: number;
}

const read = (store: OpsStore): Reading => {
  const state = store.getState();
  return { units: state.units, config: state.config, now: serverNow(state) };
};

/**
 * The units list, rebuilt at most once a second from the store rather than on every feed
 * message, and at once when the filter changes. Returns the list and the server time it is for.
 */
export function useUnitList(filter: UnitListFilter): { list: UnitList; now: number } {
  const store = useOpsStore();
  const [reading, setReading] = useState(() => read(store));
  useEffect(() => {
    const timer = setInterval(() => setReading(read(store)), REFRESH_MS);
    return () => clearInterval(timer);
  }, [store]);
  const list = useMemo(
    () => buildUnitList(reading.units.values(), reading.now, policyFrom(reading.config), filter),
    [reading, filter],
  );
  return { list, now: reading.now };
}
