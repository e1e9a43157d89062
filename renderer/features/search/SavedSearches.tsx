import { useState } from 'react';
import { useSearch } from './search-store';

const STORAGE_KEY = 'fleetdesk.savedSearches';

interface Saved {
  name: string;
  query: string;
}

function load(): Saved[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is Saved => typeof s?.name === 'string' && typeof s?.query === 'string') : [];
  } catch {
    return [];
  }
}

/** Saved searches: keep a query under a name, run it again with one click. */
export function SavedSearches() {
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const [saved, setSaved] = useState(load);
  const store = (next: Saved[]) => {
    setSaved(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };
  return (
    <span className="saved-searches">
      <select
        aria-label="Saved searches"
        value=""
        onChange={(e) => {
          const s = saved.find((x) => x.name === e.target.value);
          if (s) setQuery(s.query);
        }}
      >
        <option value="">Saved searches ({saved.length})</option>
        {saved.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} — {s.query}
          </option>
        ))}
      </select>
      <button
        className="btn btn-small"
        disabled={!query.trim()}
        onClick={() => {
          const name = window.prompt('Name this search', query.slice(0, 40));
          if (name?.trim()) store([...saved.filter((s) => s.name !== name.trim()), { name: name.trim(), query }]);
        }}
      >
        Save search
      </button>
    </span>
  );
}
