import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contracts';
import type { AppError } from '../../types/result';
import { callFunction } from './cloud';

export type LoadStatus = 'loading' | 'error' | 'ready';

export interface CloudState<T> {
  status: LoadStatus;
  data: T | undefined;
  error: AppError | undefined;
  reload: () => void;
}

/**
 * Loads one action for a page section. Errors stay silent because the section renders its own
 * error state with a retry; a toast on top would say the same thing twice.
 */
export function useCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
): CloudState<ActionOutput<F, A>> {
  const [state, setState] = useState<{ status: LoadStatus; data?: ActionOutput<F, A>; error?: AppError }>({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);
  // Callers pass object literals; comparing by value stops a refetch on every render.
  const inputKey = JSON.stringify(input);
  const latestInput = useRef(input);
  latestInput.current = input;

  useEffect(() => {
    let cancelled = false;
    // A refresh of data already on screen happens quietly; only a first load or a retry shows the skeleton.
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    void callFunction(name, action, latestInput.current, { silentError: true }).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [name, action, inputKey, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { status: state.status, data: state.data, error: state.error, reload };
}
