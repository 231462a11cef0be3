// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Composer } from './Composer.js';
import { Thread, type ThreadProps } from './Thread.js';
import type { RenderComposer } from './CommentItem.js';
import { comment, nameOf, people, post, scriptedEvaluate } from './test-fixtures.js';

afterEach(cleanup);

const frame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

function setup(extra: Partial<ThreadProps> = {}) {
  const handlers = {
    onComment: vi.fn(),
    onEditComment: vi.fn(),
    onEditPost: vi.fn(),
    onRetract: vi.fn(),
    onReact: vi.fn(),
    onReport: vi.fn(),
    ownsEntry: (id: string) => id !== 'c3',
  };
  const thePost = post(1, {
    authorId: 'anna.berg',
    commentCount: 2,
    reactions: { '👍': ['ben.ode'] },
    comments: [comment('c1', 'ben.ode', 'First!', [comment('c2', 'chloe.martin', 'A reply')])],
  });
  render(
    <Thread post={thePost} me="chloe.martin" nameOf={nameOf} people={people} evaluateDraft={scriptedEvaluate({})} space="general" {...handlers} {...extra} />,
  );
  return handlers;
}

describe('Thread', () => {
  it('shows the post, its comments and nested replies', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: /Post number 1/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '2 comments' })).toBeTruthy();
    expect(screen.getByRole('list', { name: '1 reply to Ben Ode' })).toBeTruthy();
  });

  it('replies to a comment with the keyboard only', async () => {
    const { onComment } = setup();
    const reply = screen.getAllByRole('button', { name: 'Reply' })[0]!;
    reply.focus();
    fireEvent.keyDown(reply, { key: 'Enter' });
    fireEvent.click(reply); // a native button turns Enter into a click
    expect(reply.getAttribute('aria-expanded')).toBe('true');
    const field = screen.getByRole('textbox', { name: 'Reply to Ben Ode' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Agreed' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onComment).toHaveBeenCalledWith({ body: 'Agreed', replyTo: 'c1' }, expect.objectContaining({ action: 'allow' }));
    await frame();
    expect(document.activeElement).toBe(reply);
  });

  it('picks a reaction with arrow keys and returns focus; Escape closes the picker', async () => {
    const { onReact } = setup();
    const bar = screen.getByRole('group', { name: 'Reactions to Anna Berg’s post' });
    const add = within(bar).getByRole('button', { name: 'Add reaction' });
    fireEvent.click(add);
    await frame();
    const picker = within(bar).getByRole('group', { name: 'Choose a reaction' });
    expect(document.activeElement).toBe(within(picker).getByRole('button', { name: 'Thumbs up' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(within(picker).getByRole('button', { name: 'Heart' }));
    fireEvent.click(document.activeElement!);
    expect(onReact).toHaveBeenCalledWith('p1', '❤️', true);
    expect(document.activeElement).toBe(add);

    fireEvent.click(add);
    await frame();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(bar).queryByRole('group', { name: 'Choose a reaction' })).toBeNull();
    expect(document.activeElement).toBe(add);
  });

  it('toggles an existing reaction, announcing who reacted', () => {
    const { onReact } = setup();
    const thumbs = screen.getByRole('button', { name: 'Thumbs up: 1. Ben Ode' });
    expect(thumbs.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(thumbs);
    expect(onReact).toHaveBeenCalledWith('p1', '👍', true);
  });

  it('edits and withdraws own comments, reports others', async () => {
    const { onReport, onRetract } = setup();
    const reports = screen.getAllByRole('button', { name: 'Report' });
    expect(reports).toHaveLength(1); // Ben's comment; Chloé's own reply offers Withdraw instead
    fireEvent.click(reports[0]!);
    fireEvent.change(screen.getByRole('textbox', { name: 'Why are you reporting this?' }), { target: { value: 'Off topic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(onReport).toHaveBeenCalledWith('c1', 'Off topic');
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw comment' }));
    expect(onRetract).toHaveBeenCalledWith('c2');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('offers no Edit, Withdraw or Report on an item with one\'s name that is not in one\'s outbox (seeded demo data)', () => {
    cleanup();
    const seeded = post(1, { authorId: 'anna.berg', comments: [comment('c3', 'chloe.martin', 'Seeded by the demo')], commentCount: 1 });
    render(
      <Thread
        post={seeded}
        me="chloe.martin"
        nameOf={nameOf}
        people={people}
        evaluateDraft={scriptedEvaluate({})}
        space="general"
        onComment={vi.fn()}
        onEditComment={vi.fn()}
        onEditPost={vi.fn()}
        onRetract={vi.fn()}
        onReact={vi.fn()}
        onReport={vi.fn()}
        ownsEntry={(id) => id !== 'c3'}
      />,
    );
    const item = screen.getByText('Seeded by the demo').closest('li')!;
    expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(item).queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(within(item).queryByRole('button', { name: 'Report' })).toBeNull();
    expect(within(item).getByRole('button', { name: 'Reply' })).toBeTruthy();
  });

  it('hands every composer to renderComposer with what it is for', () => {
    const seen: string[] = [];
    const onChange = vi.fn();
    const renderComposer: RenderComposer = (context, props) => {
      seen.push(`${context.kind}:${context.id}`);
      return <Composer {...props} onChange={onChange} />;
    };
    const { onComment } = setup({ renderComposer });
    expect(seen).toContain('comment:p1');
    fireEvent.click(screen.getAllByRole('button', { name: 'Reply' })[0]!);
    expect(seen).toContain('reply:c1');
    const field = screen.getByRole('textbox', { name: 'Reply to Ben Ode' });
    fireEvent.change(field, { target: { value: 'Kept' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ body: 'Kept' }));
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onComment).toHaveBeenCalledWith({ body: 'Kept', replyTo: 'c1' }, expect.anything());
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(seen).toContain('edit:c2');
  });
});
