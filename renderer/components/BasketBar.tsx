import { useSelection } from '../state/selection-store';
import { useApp } from '../state/app-store';

/** The selection basket: its count, where it can go, and a way to empty it. */
export function BasketBar() {
  const count = useSelection((s) => s.keys.size);
  const go = useApp((s) => s.go);
  return (
    <div className={`basket ${count ? 'basket-full' : ''}`} aria-live="polite" data-testid="basket">
      <strong>Basket: {count.toLocaleString()} {count === 1 ? 'device' : 'devices'}</strong>
      {count > 0 && (
        <>
          <button className="btn btn-small" onClick={() => go('groups')}>
            Edit groups
          </button>
          <button className="btn btn-small" onClick={() => go('timelines')}>
            Ownership
          </button>
          <button className="btn btn-small" onClick={() => go('unenroll')}>
            Review unenroll
          </button>
          <button className="btn btn-ghost btn-small" onClick={() => useSelection.getState().clear()}>
            Clear
          </button>
        </>
      )}
    </div>
  );
}
