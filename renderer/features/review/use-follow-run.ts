import { useEffect } from 'react';
import type { Result } from '../../../shared/errors';
import { onEvent } from '../../ipc/client';

/**
 * Follows a run while it applies: refreshes on each progress event and once a
 * second as a safety net. Only the newest answer is applied, so a slow older
 * one never turns "finished" back into "applying".
 */
export function useFollowRun<T>(runId: string | undefined, fetch: (runId: string) => Promise<Result<T>>, apply: (value: T) => void): void {
  useEffect(() => {
    if (!runId) return;
    let asked = 0;
    let applied = 0;
    const refresh = () => {
      const mine = ++asked;
      void fetch(runId).then((r) => {
        if (r.ok && mine > applied) {
          applied = mine;
          apply(r.value);
        }
      });
    };
    const off = onEvent('ops:progress', (p) => p.planId === runId && refresh());
    const timer = setInterval(refresh, 1000);
    return () => {
      off();
      clearInterval(timer);
    };
    // fetch and apply are stable for a given screen; following restarts only for a new run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId]);
}
