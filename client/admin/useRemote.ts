import { useCallback, useEffect, useRef, useState } from 'react';
import { sentence } from '../format/sentence.js';

export interface Remote<T> {
  data: T | null;
  /** why the last load failed, worded for the screen */
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Puts what a change returned in place without asking again. */
  update(change: (data: T) => T): void;
}

/** Loads something for a tab when it opens, and again on `reload()`; the old data stays meanwhile. */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  // The latest loader, without reloading whenever the caller builds a new function.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loader
      .current(controller.signal)
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(sentence(err instanceof Error ? err.message : String(err)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback((change: (data: T) => T) => setData((d) => (d === null ? d : change(d))), []);
  return { data, error, loading, reload, update };
}
