import { useEffect, useState } from 'react';
import { useOps } from '../state/context.js';

/** The server's time now, re-read every `intervalMs`; keeps clocks and "12 s ago" ticking. */
export function useServerNow(intervalMs = 1_000): number {
  const offset = useOps((s) => s.clockOffsetMs);
  const [clientNow, setClientNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setClientNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return clientNow + offset;
}
