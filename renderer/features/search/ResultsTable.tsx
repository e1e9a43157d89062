import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { toast } from '../../components/Toasts';
import { useSelection } from '../../state/selection-store';
import { COLUMNS, type Column } from './columns';
import { PAGE_SIZE, rowAt, useSearch } from './search-store';

const ROW_HEIGHT = 32;

/** Keys of the rows between two indexes that are already loaded (ranges over unloaded rows are fetched by key). */
function keysBetween(a: number, b: number): string[] {
  const keys: string[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const row = rowAt(i);
    if (row) keys.push(row.key);
  }
  return keys;
}

/**
 * The virtualized results: only the visible rows exist in the DOM and only the
 * pages being looked at are fetched, so 100,000 matches scroll smoothly. It
 * reads only what it shows, so typing in the box does not re-render it.
 */
export const ResultsTable = memo(function ResultsTable({ columnIds }: { columnIds: string[] }) {
  const { total, pages, focused, sort, descending, setSort, ensurePage, setFocused } = useSearch(
    useShallow((s) => ({ total: s.total, pages: s.pages, focused: s.focused, sort: s.sort, descending: s.descending, setSort: s.setSort, ensurePage: s.ensurePage, setFocused: s.setFocused })),
  );
  const selected = useSelection((s) => s.keys);
  const parentRef = useRef<HTMLDivElement>(null);
  const columns = columnIds.map((id) => COLUMNS.find((c) => c.id === id)).filter((c): c is Column => !!c);
  const template = `28px ${columns.map((c) => c.width).join(' ')}`;

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const first = items[0]?.index;
    const last = items[items.length - 1]?.index;
    if (first === undefined || last === undefined) return;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) ensurePage(p);
  }, [items, ensurePage, pages]);

  const selectOnly = (key: string) => {
    const sel = useSelection.getState();
    const previous = [...sel.keys];
    sel.replace([key]);
    if (previous.length > 1)
      toast(`Selection replaced (${previous.length} devices were selected).`, 'info', { label: 'Undo', run: () => useSelection.getState().replace(previous) });
  };

  const onRowClick = (e: MouseEvent, i: number) => {
    const row = rowAt(i);
    if (!row) return;
    const sel = useSelection.getState();
    if (e.shiftKey && sel.anchor !== null) sel.add(keysBetween(sel.anchor, i));
    else if (e.ctrlKey || e.metaKey) {
      sel.toggle(row.key);
      sel.setAnchor(i);
    } else {
      selectOnly(row.key);
      sel.setAnchor(i);
    }
    setFocused(i);
  };

  const move = (to: number, extend: boolean) => {
    const i = Math.max(0, Math.min(total - 1, to));
    setFocused(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    if (extend) {
      const row = rowAt(i);
      if (row) useSelection.getState().add([row.key]);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((parentRef.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1);
    const keyMoves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in keyMoves) {
      e.preventDefault();
      if (e.shiftKey) {
        const here = rowAt(focused);
        if (here) useSelection.getState().add([here.key]);
      }
      move(focused + keyMoves[e.key]!, e.shiftKey);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      move(e.key === 'Home' ? 0 : total - 1, false);
    } else if (e.key === ' ') {
      e.preventDefault();
      const row = rowAt(focused);
      if (row) useSelection.getState().toggle(row.key);
    }
  };

  return (
    <div className="results" role="grid" aria-label="Devices" aria-rowcount={total + 1} aria-multiselectable="true">
      <div className="results-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        <span role="columnheader" aria-label="Selected" />
        {columns.map((c) => (
          <span key={c.id} role="columnheader" aria-sort={c.sort && sort === c.sort ? (descending ? 'descending' : 'ascending') : undefined}>
            {c.sort ? (
              <button className="th-button" onClick={() => setSort(c.sort!)}>
                {c.label}
                {sort === c.sort && <span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span>}
              </button>
            ) : (
              c.label
            )}
          </span>
        ))}
      </div>
      <div
        ref={parentRef}
        className="results-body"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={total > 0 ? `row-${focused}` : undefined}
        data-testid="results-body"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const isSelected = !!row && selected.has(row.key);
            return (
              <div
                key={item.key}
                id={`row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`results-row ${isSelected ? 'selected' : ''} ${item.index === focused ? 'focused' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => onRowClick(e, item.index)}
              >
                <span role="gridcell">
                  <input
                    type="checkbox"
                    aria-label={row ? `Select ${row.name}` : 'Select'}
                    checked={isSelected}
                    disabled={!row}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => row && useSelection.getState().toggle(row.key)}
                    tabIndex={-1}
                  />
                </span>
                {row ? (
                  columns.map((c) => (
                    <span key={c.id} role="gridcell" className={`cell cell-${c.id}`}>
                      {c.render(row)}
                    </span>
                  ))
                ) : (
                  <span role="gridcell" className="muted">
                    Loading…
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
