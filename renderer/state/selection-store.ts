import { create } from 'zustand';

/**
 * The selection basket: device keys chosen in Search, kept while the query
 * changes. Groups, Timelines and Unenroll act on it.
 */
interface SelectionState {
  keys: Set<string>;
  /** Anchor for shift-click ranges (a row index in the current results). */
  anchor: number | null;
  add(keys: Iterable<string>): void;
  remove(keys: Iterable<string>): void;
  toggle(key: string): void;
  replace(keys: Iterable<string>): void;
  clear(): void;
  setAnchor(i: number | null): void;
}

export const useSelection = create<SelectionState>((set, get) => ({
  keys: new Set(),
  anchor: null,
  add(keys) {
    const next = new Set(get().keys);
    for (const k of keys) next.add(k);
    set({ keys: next });
  },
  remove(keys) {
    const next = new Set(get().keys);
    for (const k of keys) next.delete(k);
    set({ keys: next });
  },
  toggle(key) {
    const next = new Set(get().keys);
    if (!next.delete(key)) next.add(key);
    set({ keys: next });
  },
  replace: (keys) => set({ keys: new Set(keys) }),
  clear: () => set({ keys: new Set(), anchor: null }),
  setAnchor: (anchor) => set({ anchor }),
}));
