import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { DeviceRow, SORT_COLUMNS } from '../../../shared/ipc/channels/fleet';
import type { ResultOf } from '../../../shared/ipc/contract';
import { api } from '../../ipc/client';

export type SortColumn = (typeof SORT_COLUMNS)[number];
export const PAGE_SIZE = 60;

interface SearchState {
  query: string;
  sort: SortColumn;
  descending: boolean;
  total: number;
  tookMs: number | null;
  errors: ResultOf<'fleet:search'>['errors'];
  generation: number;
  /** Rows already fetched, by page number, for the current query/sort/generation. */
  pages: Map<number, DeviceRow[]>;
  loading: boolean;
  /** The query the shown results belong to (the box may already hold a newer one). */
  resultsQuery: string;
  error: AppError | null;
  focused: number;
  setQuery(q: string): void;
  setSort(column: SortColumn): void;
  ensurePage(page: number): void;
  setFocused(i: number): void;
  reload(): void;
}

let requestSeq = 0;
const inFlight = new Set<string>();

/** Fetches one page; drops the answer if the query or sort changed meanwhile. */
async function fetchPage(page: number, first: boolean) {
  const { query, sort, descending } = useSearch.getState();
  const seq = first ? ++requestSeq : requestSeq;
  const flightKey = `${seq}:${page}`;
  if (inFlight.has(flightKey)) return;
  inFlight.add(flightKey);
  // The spinner is for the very first answer only: while typing, the previous results stay until the next ones arrive.
  if (first && useSearch.getState().generation < 0) useSearch.setState({ loading: true });
  const r = await api['fleet:search']({ query, sort, descending, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  inFlight.delete(flightKey);
  if (seq !== requestSeq) return;
  if (!r.ok) {
    useSearch.setState({ loading: false, error: r.error });
    return;
  }
  const s = useSearch.getState();
  // A fleet change (sync) makes the cached pages stale: start over from this page.
  const pages = first || r.value.generation !== s.generation ? new Map<number, DeviceRow[]>() : new Map(s.pages);
  pages.set(page, r.value.rows);
  useSearch.setState({
    pages,
    total: r.value.total,
    tookMs: r.value.tookMs,
    errors: r.value.errors,
    generation: r.value.generation,
    loading: false,
    resultsQuery: query,
    error: null,
    ...(first ? { focused: Math.min(s.focused, Math.max(0, r.value.total - 1)) } : {}),
  });
}

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  sort: 'relevance',
  descending: false,
  total: 0,
  tookMs: null,
  errors: [],
  generation: -1,
  pages: new Map(),
  loading: true,
  resultsQuery: '',
  error: null,
  focused: 0,
  setQuery(query) {
    set({ query, focused: 0 });
    // No debounce: queries answer in about a millisecond, so every keystroke asks at once (a stale answer is dropped by fetchPage).
    void fetchPage(0, true);
  },
  setSort(column) {
    const s = get();
    set(s.sort === column ? { descending: !s.descending } : { sort: column, descending: column === 'lastSeen' || column === 'vendors' });
    void fetchPage(0, true);
  },
  ensurePage(page) {
    if (!get().pages.has(page)) void fetchPage(page, false);
  },
  setFocused: (focused) => set({ focused }),
  reload: () => void fetchPage(0, true),
}));

/** Row i of the results in this state, if its page has arrived. */
export function rowIn(s: Pick<SearchState, 'pages'>, i: number): DeviceRow | undefined {
  return s.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
}

export function rowAt(i: number): DeviceRow | undefined {
  return rowIn(useSearch.getState(), i);
}
