type RunAction = 'pause' | 'resume' | 'cancel' | 'retry-failed' | 'recheck-unknown';

/** Pause / resume / cancel while a run sends; retry failed and re-check unknown after it. */
export function RunControls({ state, failed, unknown, onControl }: { state: string; failed: number; unknown: number; onControl: (a: RunAction) => void }) {
  const active = state === 'running' || state === 'paused';
  return (
    <>
      {state === 'running' && (
        <button className="btn" onClick={() => onControl('pause')}>
          Pause
        </button>
      )}
      {(state === 'paused' || state === 'interrupted') && (
        <button className="btn" onClick={() => onControl('resume')}>
          Resume
        </button>
      )}
      {active && (
        <button className="btn" onClick={() => onControl('cancel')}>
          Cancel remaining
        </button>
      )}
      {!active && unknown > 0 && (
        <button className="btn" onClick={() => onControl('recheck-unknown')}>
          Re-check unknown ({unknown})
        </button>
      )}
      {!active && failed > 0 && (
        <button className="btn btn-primary" onClick={() => onControl('retry-failed')}>
          Retry failed only ({failed})
        </button>
      )}
    </>
  );
}
