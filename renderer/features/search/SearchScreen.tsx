import { useEffect, useState } from 'react';
import { BasketBar } from '../../components/BasketBar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Spinner } from '../../components/Spinner';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { ColumnChooser } from './ColumnChooser';
import { DEFAULT_COLUMNS } from './columns';
import { DeviceDetails } from './DeviceDetails';
import { QueryBox } from './QueryBox';
import { ResultsTable } from './ResultsTable';
import { SavedSearches } from './SavedSearches';
import { rowAt, useSearch } from './search-store';

interface PasteOutcome {
  tokens: number;
  found: number;
  notFound: string[];
}

export function SearchScreen() {
  const { query, total, tookMs, loading, error, focused, reload, pages } = useSearch();
  const fleetVersion = useApp((s) => s.fleetVersion);
  const go = useApp((s) => s.go);
  const [columns, setColumns] = useState(DEFAULT_COLUMNS);
  const [paste, setPaste] = useState<PasteOutcome | null>(null);
  const focusedKey = rowAt(focused)?.key ?? null;
  void pages; // re-render when pages arrive so the focused row resolves

  useEffect(() => reload(), [fleetVersion, reload]);
  // A User Timing mark once results are on screen: the keystroke-latency benchmark reads it.
  const resultsQuery = useSearch((s) => s.resultsQuery);
  useEffect(() => {
    performance.mark('fleetdesk:results', { detail: resultsQuery });
  }, [resultsQuery, total]);

  const selectAllMatching = async () => {
    const r = await api['fleet:matchingKeys']({ query });
    if (!r.ok) return toast(r.error.message, 'bad');
    const before = [...useSelection.getState().keys];
    useSelection.getState().add(r.value.keys);
    toast(`Added ${r.value.keys.length.toLocaleString()} devices to the basket.`, 'good', { label: 'Undo', run: () => useSelection.getState().replace(before) });
  };

  const onPasteList = async (text: string) => {
    const r = await api['fleet:matchList']({ text });
    if (!r.ok) return toast(r.error.message, 'bad');
    useSelection.getState().add(r.value.keys);
    setPaste({ tokens: r.value.tokens, found: r.value.keys.length, notFound: r.value.notFound });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Search</h1>
        <QueryBox onPasteList={(t) => void onPasteList(t)} />
      </header>
      {error && <ErrorBanner error={error} onRetry={reload} />}
      {paste && (
        <div className={`banner ${paste.notFound.length ? 'banner-warn' : 'banner-info'}`} role="status" data-testid="paste-result">
          <div className="banner-text">
            Pasted {paste.tokens} entries: {paste.found} {paste.found === 1 ? 'device' : 'devices'} added to the basket
            {paste.notFound.length > 0 && (
              <>
                , <strong>{paste.notFound.length} not found</strong>:
                <div className="not-found mono">{paste.notFound.join(', ')}</div>
              </>
            )}
          </div>
          {paste.notFound.length > 0 && (
            <button className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(paste.notFound.join('\n'))}>
              Copy not found
            </button>
          )}
          <button className="btn btn-ghost" aria-label="Dismiss" onClick={() => setPaste(null)}>
            ×
          </button>
        </div>
      )}
      <div className="toolbar">
        <span data-testid="result-count">
          {loading ? <Spinner label="Searching…" /> : `${total.toLocaleString()} ${total === 1 ? 'device' : 'devices'}`}
          {tookMs !== null && !loading && <span className="muted"> · {tookMs < 1 ? '<1' : Math.round(tookMs)} ms</span>}
        </span>
        <button className="btn btn-small" disabled={total === 0} onClick={() => void selectAllMatching()}>
          Select all {total.toLocaleString()} matching
        </button>
        <span className="spacer" />
        <SavedSearches />
        <ColumnChooser visible={columns} onChange={setColumns} />
      </div>
      <div className="split">
        <div className="panel">
          {total === 0 && !loading ? (
            query ? (
              <EmptyState title="No device matches">Check the spelling, remove a filter, or search a shorter part of the serial.</EmptyState>
            ) : (
              <EmptyState
                title="No devices yet"
                action={
                  <button className="btn btn-primary" onClick={() => go('connections')}>
                    Open Connections
                  </button>
                }
              >
                Connect a vendor account and sync to see your fleet here.
              </EmptyState>
            )
          ) : (
            <ResultsTable columnIds={columns} />
          )}
        </div>
        <aside className="panel" aria-label="Device details">
          <DeviceDetails deviceKey={focusedKey} />
        </aside>
      </div>
      <BasketBar />
    </section>
  );
}
