// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { ReviewPane, type ReviewPaneProps } from './ReviewPane.js';
import { NOW, caseFile, decision, items, nameOf, spaceNameOf } from './test-cases.js';

afterEach(cleanup);

const queue = items(
  caseFile('first', { openedAt: NOW - 3 * 60_000, body: 'Kick-off with Northwind on Monday.' }),
  caseFile('second', { openedAt: NOW - 2 * 60_000, body: 'Northwind renewal looks likely.' }),
  caseFile('split', { openedAt: NOW - 60_000, decisions: [decision('a', 'binu', 'approve'), decision('b', 'seema', 'hide', [], 'Client names stay in the account space.')] }),
);

function setup(props: Partial<ReviewPaneProps> = {}) {
  const onDecide = vi.fn();
  const onNote = vi.fn();
  const open = { state: 'open', space: null, source: null, age: 'any' } as const;
  render(<ReviewPane items={queue} nameOf={nameOf} spaceNameOf={spaceNameOf} onDecide={onDecide} onNote={onNote} now={NOW} initialFilter={open} {...props} />);
  const listbox = screen.getByRole('listbox', { name: 'Cases' });
  const key = (key: string, target: Element = document.activeElement ?? document.body) => fireEvent.keyDown(target, { key });
  return { onDecide, onNote, listbox, key };
}

const selectedText = () => within(screen.getByRole('listbox', { name: 'Cases' })).getByRole('option', { selected: true }).textContent ?? '';

describe('the review pane', () => {
  it('moves through the queue with j/k and the arrow keys, and opens a case with Enter', () => {
    const { listbox, key } = setup();
    act(() => listbox.focus());
    expect(selectedText()).toContain('Title first');
    key('j');
    expect(selectedText()).toContain('Title second');
    key('k');
    expect(selectedText()).toContain('Title first');
    key('ArrowDown');
    expect(listbox.getAttribute('aria-activedescendant')).toBe('case-option-doc-second');
    key('Enter');
    const heading = screen.getByRole('heading', { level: 2, name: /Post by Rajesh Kumar in General/ });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('article').textContent).toContain('Northwind renewal looks likely.');
    key('Escape');
    expect(document.activeElement).toBe(listbox);
  });

  it('approves with one key and moves on to the next case', () => {
    const { listbox, key, onDecide } = setup();
    act(() => listbox.focus());
    key('Enter');
    key('a');
    expect(onDecide).toHaveBeenCalledWith('doc-first', { action: 'approve', note: '' });
    expect(screen.getByText('Approved. The relay publishes it.')).toBeTruthy();
  });

  it('asks for the words of a warning, and sends them with Ctrl+Enter; Escape cancels a form', () => {
    const { listbox, key, onDecide, onNote } = setup();
    act(() => listbox.focus());
    key('w');
    const words = screen.getByRole('textbox', { name: 'Your words to the author' });
    expect(document.activeElement).toBe(words);
    key('a', words); // typed, not a shortcut
    expect(onDecide).not.toHaveBeenCalled();
    fireEvent.change(words, { target: { value: 'Client names stay in account spaces.' } });
    fireEvent.keyDown(words, { key: 'Enter', ctrlKey: true });
    expect(onDecide).toHaveBeenCalledWith('doc-first', { action: 'warn', note: 'Client names stay in account spaces.', role: null });

    key('n');
    const note = screen.getByRole('textbox', { name: 'Note for the other moderators' });
    key('Escape', note);
    expect(screen.queryByRole('textbox', { name: 'Note for the other moderators' })).toBeNull();
    expect(onNote).not.toHaveBeenCalled();
  });

  it('escalates to a chosen role', () => {
    const { listbox, key, onDecide } = setup();
    act(() => listbox.focus());
    key('e');
    fireEvent.change(screen.getByRole('combobox', { name: 'Escalate to' }), { target: { value: 'comms' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Why/ }), { target: { value: 'Repeated.' } });
    const form = screen.getByRole('textbox', { name: /Why/ }).closest('form')!;
    fireEvent.click(within(form as HTMLElement).getByRole('button', { name: 'Escalate' }));
    expect(onDecide).toHaveBeenCalledWith('doc-first', { action: 'escalate', note: 'Repeated.', role: 'comms' });
  });

  it('offers every action as a button with its key', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Actions' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['a', 'h', 'r', 'w', 'e', 'n']);
  });

  it('shows a conflict with each moderator\'s decision, and resolves it by taking one', () => {
    const { onDecide } = setup({ initialFilter: { state: 'conflict', space: null, source: null, age: 'any' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Moderators disagree');
    expect(alert.textContent).toContain('Binu Thomas: approve');
    expect(alert.textContent).toContain('Seema Nair: hide');
    expect(alert.textContent).toContain('Client names stay in the account space.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Resolve: hide' }));
    expect(onDecide).toHaveBeenCalledWith('doc-split', { action: 'hide', note: 'Client names stay in the account space.', role: null });
  });

  it('marks the findings in the submitted text', () => {
    setup();
    const marks = screen.getByRole('article').querySelectorAll('.review-item-body mark.finding-hold');
    expect([...marks].map((m) => m.textContent)).toEqual(['Northwind']);
  });

  it('toggles the shortcut legend with ?', () => {
    const { listbox, key } = setup();
    act(() => listbox.focus());
    expect(screen.queryByRole('heading', { name: 'Keyboard shortcuts' })).toBeNull();
    key('?');
    expect(screen.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeTruthy();
    key('?');
    expect(screen.queryByRole('heading', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('shows what needs a decision by default, conflicts first', () => {
    render(<ReviewPane items={queue} nameOf={nameOf} spaceNameOf={spaceNameOf} onDecide={vi.fn()} onNote={vi.fn()} now={NOW} />);
    const options = within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Title split'), expect.stringContaining('Title first'), expect.stringContaining('Title second')]);
    expect((screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Needs a decision (3)');
  });

  it('filters the queue with the selects', () => {
    setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: '' } });
    expect(within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option')).toHaveLength(3);
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'decided' } });
    expect(screen.getByText('No cases match these filters.')).toBeTruthy();
  });

  it('has no axe violations, with the legend and a form open', async () => {
    const { listbox, key } = setup();
    act(() => listbox.focus());
    key('?');
    key('w');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
