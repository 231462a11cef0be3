// Search as you type: the container runs the query and passes results in; they are grouped by kind
// (posts, comments, people, spaces, messages). The field is an ARIA combobox: Down/Up move through
// all results across groups, Enter opens the highlighted one, Escape clears. Results can be
// clicked too; the count is announced politely.
import { useId, useState, type KeyboardEvent } from 'react';
import { SEARCH_KINDS, type SearchKind, type SearchResult } from './types.js';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export interface SearchViewProps {
  query: string;
  onQueryChange: (query: string) => void;
  results: readonly SearchResult[];
  onOpen: (result: SearchResult) => void;
  /** The index is still answering. */
  busy?: boolean;
  autoFocus?: boolean;
}

const GROUP_TITLE: Record<SearchKind, MessageKey> = {
  post: 'search.posts',
  comment: 'search.comments',
  person: 'search.people',
  space: 'search.spaces',
  message: 'search.messages',
};

export function SearchView({ query, onQueryChange, results, onOpen, busy = false, autoFocus = true }: SearchViewProps) {
  const s = useStrings();
  const id = useId();
  const [active, setActive] = useState(-1);
  // Results in the order they are shown: grouped by kind.
  const ordered = SEARCH_KINDS.flatMap((kind) => results.filter((r) => r.kind === kind));
  const groups = SEARCH_KINDS.map((kind) => ({ kind, items: ordered.filter((r) => r.kind === kind) })).filter((g) => g.items.length > 0);
  const current = active >= 0 && active < ordered.length ? active : -1;
  const optionId = (index: number) => `${id}-result-${index}`;
  const listId = `${id}-results`;
  const open = ordered.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = current === -1 ? (step === 1 ? 0 : ordered.length - 1) : (current + step + ordered.length) % ordered.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      const result = ordered[current];
      if (result) {
        event.preventDefault();
        onOpen(result);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (current !== -1) setActive(-1);
      else onQueryChange('');
    }
  };

  let index = -1;
  return (
    <section className="search" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{s.t('search.title')}</h1>
      <div className="field" role="search">
        <label htmlFor={`${id}-input`}>{s.t('search.label')}</label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(e) => {
            onQueryChange(e.currentTarget.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} className="field-help">
          {s.t('search.hint')}
        </p>
      </div>
      <p role="status" className="search-status">
        {query.trim() === '' ? '' : busy ? s.t('search.searching') : s.t('search.count', { count: ordered.length })}
      </p>
      {open && (
      <div id={listId} role="listbox" aria-label={s.t('search.results')} className="search-results">
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} className="search-group">
            <p id={`${id}-${group.kind}`} role="presentation" className="search-group-title">
              {s.t(GROUP_TITLE[group.kind])}
            </p>
            {group.items.map((result) => {
              index += 1;
              const mine = index;
              return (
                <div
                  key={result.key}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={mine === current}
                  className={`search-result${mine === current ? ' is-active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onOpen(result)}
                >
                  <span className="search-result-title">{result.title}</span>
                  {result.context !== undefined && <span className="search-result-context">{result.context}</span>}
                  {result.excerpt !== undefined && <span className="search-result-excerpt">{result.excerpt}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      )}
    </section>
  );
}
