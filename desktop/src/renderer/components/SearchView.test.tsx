// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SearchView } from './SearchView.js';
import type { SearchResult } from './types.js';

afterEach(cleanup);

const all: SearchResult[] = [
  { key: 'person:ben', kind: 'person', title: 'Ben Ode', context: 'Support lead' },
  { key: 'post:p1', kind: 'post', title: 'Budget planning', excerpt: 'the budget for 2027' },
  { key: 'space:fin', kind: 'space', title: 'Finance' },
  { key: 'post:p2', kind: 'post', title: 'Travel budget', excerpt: 'budget rules' },
];

function Harness({ onOpen }: { onOpen: (r: SearchResult) => void }) {
  const [query, setQuery] = useState('');
  const results = query === '' ? [] : all.filter((r) => `${r.title} ${r.excerpt ?? ''} ${r.context ?? ''}`.toLowerCase().includes(query.toLowerCase()) || r.kind === 'person');
  return <SearchView query={query} onQueryChange={setQuery} results={results} onOpen={onOpen} />;
}

describe('SearchView', () => {
  it('shows results as you type, grouped by kind', () => {
    render(<Harness onOpen={() => {}} />);
    const input = screen.getByRole('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(input, { target: { value: 'budget' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('3 results');
    const groups = screen.getAllByRole('group').map((g) => g.getAttribute('aria-labelledby'));
    expect(groups.map((id) => document.getElementById(id ?? '')?.textContent)).toEqual(['Posts', 'People']);
  });

  it('moves through results across groups with the arrow keys and opens with Enter', () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'budget' } });
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent;
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(active()).toContain('Budget planning');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(active()).toContain('Travel budget');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(active()).toContain('Ben Ode');
    expect(screen.getByRole('option', { name: /Ben Ode/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' }); // wraps around
    expect(active()).toContain('Budget planning');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(active()).toContain('Ben Ode');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ key: 'person:ben' }));
  });

  it('Escape first leaves the results, then clears the query', () => {
    render(<Harness onOpen={() => {}} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'budget' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
  });
});
