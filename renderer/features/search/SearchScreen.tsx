import { memo, useCallback, useEffect, useState } from 'react';
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
import { rowIn, useSearch } from './search-store';

interface PasteOutcome {
  tokens: number;
  found: number;
  notFound: string[];
}

/*
 * The screen is split so that a keystroke re-renders only what it changes:
 * the box as you type, then the count and the rows when the answer arrives.
 * Nothing here reads the whole search store.
 */

function ResultCount() {
  const total = useSearch((s) => s.total);
  const tookMs = useSearch((s) => s.tookMs);
  const loading = useSearch((s) => s.loading);
  return (
    <span data-testid="result-count">
      {loading ? <Spinner label="Searching…" /> : `${total.toLocaleString()} ${total === 1 ? 'device' : 'devices'}`}
      {tookMs !== null && !loading && <span className="muted"> · {tookMs < 1 ? '<1' : Math.round(tookMs)} ms</span>}
    </span>
  );
}

function SelectAllMatching() {
  const total = useSearch((s) => s.total);
  const selectAll = async () => {
    const r = await api['fleet:matchingKeys']({ query: useSearch.getState().query });
    if (!r.ok) return toast(r.error.message, 'bad');
    const before = [...useSelection.getState().keys];
    useSelection.getState().add(r.value.keys);
    toast(`Added ${r.value.keys.length.toLocaleString()} devices to the basket.`, 'good', { label: 'Undo', run: () => useSelection.getState().replace(before) });
  };
  return (
    <button className="btn btn-small" disabled={total === 0} onClick={() => void selectAll()}>
      Select all {total.toLocaleString()} matching
    </button>
  );
}

const ResultsPanel = memo(function ResultsPanel({ columns }: { columns: string[] }) {
  const total = useSearch((s) => s.total);
  const loading = useSearch((s) => s.loading);
  const resultsQuery = useSearch((s) => s.resultsQuery);
  const go = useApp((s) => s.go);
  // A User Timing mark once results are on screen: the keystroke-latency benchmark reads it.
  useEffect(() => {
    performance.mark('fleetdesk:results', { detail: resultsQuery });
  }, [resultsQuery, total]);
  if (total > 0 || loading) return <ResultsTable columnIds={columns} />;
  if (resultsQuery) return <EmptyState title="No device matches">Check the spelling, remove a filter, or search a shorter part of the serial.</EmptyState>;
  return (
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
  );
});

/** The details pane follows the focused row (once its page has arrived). */
function FocusedDetails() {
  const focusedKey = useSearch((s) => rowIn(s, s.focused)?.key ?? null);
  return <DeviceDetails deviceKey={focusedKey} />;
}

function SearchError() {
  const error = useSearch((s) => s.error);
  const reload = useSearch((s) => s.reload);
  return error ? <ErrorBanner error={error} onRetry={reload} /> : null;
}

export function SearchScreen() {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const reload = useSearch((s) => s.reload);
  const [columns, setColumns] = useState(DEFAULT_COLUMNS);
  const [paste, setPaste] = useState<PasteOutcome | null>(null);

  useEffect(() => reload(), [fleetVersion, reload]);

  const onPasteList = useCallback(async (text: string) => {
    const r = await api['fleet:matchList']({ text });
    if (!r.ok) return toast(r.error.message, 'bad');
    useSelection.getState().add(r.value.keys);
    setPaste({ tokens: r.value.tokens, found: r.value.keys.length, notFound: r.value.notFound });
  }, []);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Search</h1>
        <QueryBox onPasteList={(t) => void onPasteList(t)} />
      </header>
      <SearchError />
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
        <ResultCount />
        <SelectAllMatching />
        <span className="spacer" />
        <SavedSearches />
        <ColumnChooser visible={columns} onChange={setColumns} />
      </div>
      <div className="split">
        <div className="panel">
          <ResultsPanel columns={columns} />
        </div>
        <aside className="panel" aria-label="Device details">
          <FocusedDetails />
        </aside>
      </div>
      <BasketBar />
    </section>
  );
}
