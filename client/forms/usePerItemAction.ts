import { useCallback, useState } from 'react';

export interface PerItemAction {
  /** ids whose action is under way */
  pending: ReadonlySet<string>;
  /** the last refusal, with the item it was for */
  problem: { id: string; message: string } | null;
  run: (id: string) => void;
}

/**
 * One action that can be started on many items of a list at once (acknowledge an alert, cancel
 * an order): each item shows its own "working…" state, and the last refusal names its item.
 */
export function usePerItemAction(work: (id: string) => Promise<void>): PerItemAction {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<PerItemAction['problem']>(null);
  const run = useCallback(
    (id: string) => {
      setPending((p) => new Set(p).add(id));
      setProblem(null);
      work(id)
        .catch((err: unknown) => setProblem({ id, message: err instanceof Error ? err.message : String(err) }))
        .finally(() =>
          setPending((p) => {
            const next = new Set(p);
            next.delete(id);
            return next;
          }),
        );
    },
    [work],
  );
  return { pending, problem, run };
}
