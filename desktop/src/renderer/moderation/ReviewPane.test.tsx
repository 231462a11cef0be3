// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { ReviewPane, type ReviewPaneProps } from './ReviewPane.js';
import type { CaseDecision, CaseExecution } from '@hearth/core';
import { decisionOutcome } from './decision-outcome.js';
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
    expect(screen.getByRole('status').textContent).toBe('Post by Rajesh Kumar: “approve” recorded; the relay carries it out once it has it.');
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
    fireEvent.click(within(form as HTMLElement).getByRole('button', { name: 'Escalate the case' }));
    expect(onDecide).toHaveBeenCalledWith('doc-first', { action: 'escalate', note: 'Repeated.', role: 'comms' });
  });

  it('names the button that opens a form apart from the one that carries it out', () => {
    const { listbox, key } = setup();
    act(() => listbox.focus());
    key('h');
    // Before: the action button and the form's submit button were both named "Hide".
    expect(screen.getAllByRole('button', { name: 'Hide' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Hide it and tell the author' })).toBeTruthy();
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

  describe('what became of a decision (from the relay\'s executions)', () => {
    const reported = caseFile('reported', { source: 'report', openedAt: NOW - 60_000, body: 'Our new office opens in March.' });
    const decided = (file: typeof reported, id: string, action: CaseDecision['action'], execution?: CaseExecution) => ({
      ...file,
      doc: { ...file.doc, decisions: { ...file.doc.decisions, [id]: decision(id, 'binu', action) }, executions: execution ? { [id]: execution } : {} },
    });

    it('approving a reported post that is published keeps it as it was, and says so after the case has gone', () => {
      const onDecide = vi.fn(() => 'd1');
      const all = { state: null, space: null, source: null, age: 'any' } as const;
      const view = render(<ReviewPane items={items(reported)} nameOf={nameOf} spaceNameOf={spaceNameOf} onDecide={onDecide} onNote={vi.fn()} now={NOW} initialFilter={all} />);
      fireEvent.keyDown(screen.getByRole('listbox', { name: 'Cases' }), { key: 'a' });
      expect(onDecide).toHaveBeenCalledWith('doc-reported', { action: 'approve', note: '' });
      expect(screen.getByRole('status').textContent).toMatch(/recorded; the relay carries it out/);

      view.rerender(<ReviewPane items={items(decided(reported, 'd1', 'approve', { at: NOW, outcome: 'done', detail: 'kept published' }))} nameOf={nameOf} spaceNameOf={spaceNameOf} onDecide={onDecide} onNote={vi.fn()} now={NOW} initialFilter={all} />);
      const outcome = 'Post by Rajesh Kumar: approved; it stays published as it was.';
      expect(screen.getByRole('status').textContent).toBe(outcome);
      expect(screen.queryByText(/publishes it/)).toBeNull();

      // The case file is no longer on the device: the line still tells the truth about that case.
      view.rerender(<ReviewPane items={items(caseFile('next'))} nameOf={nameOf} spaceNameOf={spaceNameOf} onDecide={onDecide} onNote={vi.fn()} now={NOW} initialFilter={all} />);
      expect(screen.getByRole('status').textContent).toBe(outcome);
    });

    it('a held post: approved and published, or not carried out because the author changed it', () => {
      const held = caseFile('held');
      expect(decisionOutcome(decided(held, 'd1', 'approve', { at: NOW, outcome: 'done' }).doc, 'd1')?.key).toBe('review.outcome.approve.held');
      expect(decisionOutcome(decided(held, 'd1', 'approve', { at: NOW, outcome: 'stale' }).doc, 'd1')?.key).toBe('review.outcome.stale');
      expect(decisionOutcome(decided(reported, 'd1', 'hide', { at: NOW, outcome: 'done' }).doc, 'd1')?.key).toBe('review.outcome.hide.published');
      expect(decisionOutcome(decided(held, 'd1', 'hide').doc, 'd1')?.key).toBe('review.outcome.waiting');
      expect(decisionOutcome(held.doc, 'nope')).toBeNull();
    });
  });
});
