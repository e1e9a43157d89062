import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { z } from 'zod';
import type { SuggestionSchema } from '../../../shared/ipc/channels/fleet';
import { api } from '../../ipc/client';
import { looksLikeList } from './paste-list';
import { useSearch } from './search-store';

type Suggestion = z.infer<typeof SuggestionSchema>;


/** Replaces the token under the cursor with the chosen suggestion. */
function applySuggestion(text: string, cursor: number, insert: string): { text: string; cursor: number } {
  let start = cursor;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  const next = text.slice(0, start) + insert + text.slice(cursor);
  return { text: next, cursor: start + insert.length };
}

/**
 * The search box: operators and values autocomplete as you type, syntax
 * problems are shown in place with a hint, and pasting a list selects it.
 */
export function QueryBox({ onPasteList }: { onPasteList: (text: string) => void }) {
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const errors = useSearch((s) => s.errors);
  const inputRef = useRef<HTMLInputElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const refreshSuggestions = async (text: string, cursor: number) => {
    const r = await api['fleet:suggest']({ text, cursor });
    if (r.ok && inputRef.current?.value === text) {
      setSuggestions(r.value.suggestions.slice(0, 10));
      setActive(0);
    }
  };

  useEffect(() => inputRef.current?.focus(), []);

  const choose = (s: Suggestion) => {
    const input = inputRef.current;
    if (!input) return;
    const next = applySuggestion(query, input.selectionStart ?? query.length, s.insert);
    setQuery(next.text);
    requestAnimationFrame(() => {
      input.setSelectionRange(next.cursor, next.cursor);
      void refreshSuggestions(next.text, next.cursor);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open && suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === 'Tab' || (e.key === 'Enter' && suggestions[active])) {
        e.preventDefault();
        choose(suggestions[active]!);
        return;
      }
      if (e.key === 'Escape') {
        setOpen(false);
        return;
      }
    }
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      document.querySelector<HTMLElement>('[data-testid="results-body"]')?.focus();
    }
    if (e.key === 'Escape' && query) setQuery('');
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!looksLikeList(text)) return;
    e.preventDefault();
    onPasteList(text);
  };

  const showList = open && suggestions.length > 0;
  return (
    <div className="query-box">
      <input
        ref={inputRef}
        id="search-box"
        aria-label="Search devices"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls="query-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={showList ? `suggestion-${active}` : undefined}
        aria-invalid={errors.length > 0}
        aria-describedby="query-errors"
        placeholder='Search serial, name, user, group…  try  group:"HQ-Core" stolen:yes  or paste a list'
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          void refreshSuggestions(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {showList && (
        <ul id="query-suggestions" role="listbox" className="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={`${s.label}-${i}`}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <span className="mono">{s.label}</span>
              {s.detail && <span className="muted">{s.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <div id="query-errors" className="query-errors" aria-live="polite">
        {errors.map((err, i) => (
          <div key={i} className="query-error">
            <span className="mono">
              {query.slice(Math.max(0, err.start - 12), err.start)}
              <mark>{query.slice(err.start, Math.max(err.end, err.start + 1)) || ' '}</mark>
              {query.slice(Math.max(err.end, err.start + 1), err.end + 12)}
            </span>{' '}
            {err.message}
            {err.hint && <span className="muted"> — {err.hint}</span>}
          </div>
        ))}
      </div>
    </div>
  );
}
