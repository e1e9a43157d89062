import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

const ROW_HEIGHT = 29;
const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, n) => Math.min(n - 1, i + 10),
  PageUp: (i) => Math.max(0, i - 10),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * A device list that renders only the rows in view, so a group of 10,000
 * members scrolls and drags as smoothly as one of ten. Arrow keys, Page
 * Up/Down, Home and End move focus row by row (scrolling it into view),
 * except on a row being dragged with the keyboard (dnd-kit marks it
 * aria-pressed): there the arrows move the drag between groups.
 */
export function VirtualDeviceList({ label, count, renderRow, empty }: { label: string; count: number; renderRow: (index: number) => ReactNode; empty?: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEP[e.key];
    const target = e.target as HTMLElement;
    const at = target.closest<HTMLElement>('[data-index]')?.dataset.index;
    if (!step || at === undefined || target.getAttribute('aria-pressed') === 'true') return;
    e.preventDefault();
    const next = step(Number(at), count);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] [tabindex]`)?.focus());
  };

  return (
    <div ref={scroller} className="drag-list-scroller" onKeyDown={onKeyDown}>
      <ul className="drag-list virtual" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }} aria-setsize={count} aria-posinset={item.index + 1}>
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
      {count === 0 && empty}
    </div>
  );
}
