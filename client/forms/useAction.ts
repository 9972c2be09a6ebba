import { useCallback, useEffect, useRef, useState } from 'react';
import { problemsOf, type FormProblems } from './problems.js';

export interface ActionState {
  pending: boolean;
  problems: FormProblems | null;
  /** what went well, in words, until the next attempt */
  success: string | null;
}

const IDLE: ActionState = { pending: false, problems: null, success: null };

/**
 * One form's submission: pending while it runs, then a success message or the server's
 * problems sorted onto the form's `fields` (issue paths after `prefix`).
 */
export function useAction(fields: readonly string[], prefix = '') {
  const [state, setState] = useState<ActionState>(IDLE);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const fieldKey = fields.join('|');

  const run = useCallback(
    async <T,>(work: () => Promise<T>, success: (value: T) => string): Promise<T | undefined> => {
      setState({ pending: true, problems: null, success: null });
      try {
        const value = await work();
        if (mounted.current) setState({ pending: false, problems: null, success: success(value) });
        return value;
      } catch (err) {
        if (mounted.current) setState({ pending: false, problems: problemsOf(err, fieldKey.split('|'), prefix), success: null });
        return undefined;
      }
    },
    [fieldKey, prefix],
  );

  const clear = useCallback(() => setState(IDLE), []);
  return { ...state, run, clear };
}
