// @vitest-environment jsdom
// The pieces for questions, must-read announcements and AMAs: what a reader sees and can do, and
// axe-core's rules (no layout: contrast is checked in Chromium).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { AmaVote } from './AmaVote.js';
import { AnswerControls } from './AnswerControls.js';
import { MustReadPins } from './MustReadPins.js';
import { ReachFigure } from './ReachFigure.js';
import { SimilarQuestions } from './SimilarQuestions.js';
import { UnansweredList } from './UnansweredList.js';
import { Thread } from './Thread.js';
import { KudosList } from '../engagement/RecognitionParts.js';
import { comment, nameOf, people, post, scriptedEvaluate } from './test-fixtures.js';

afterEach(cleanup);
const noop = () => {};
const NOW = Date.UTC(2026, 10, 25, 12);

async function violations(ui: ReactElement) {
  const { container } = render(ui);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('questions, must-read, AMA', () => {
  it('an accepted answer is marked; the asker can withdraw it, others only see the mark', () => {
    const withdraw = vi.fn();
    render(<AnswerControls accepted mayAccept onAccept={noop} onWithdraw={withdraw} />);
    expect(screen.getByText(/Accepted answer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw acceptance' }));
    expect(withdraw).toHaveBeenCalled();
    cleanup();
    render(<AnswerControls accepted={false} mayAccept={false} onAccept={noop} onWithdraw={noop} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('reach says how many of the audience acknowledged, as a share', () => {
    render(<ReachFigure reach={{ post: 'p1', space: 'news', title: 'T', acknowledged: 3, audience: 12, updatedAt: NOW }} />);
    expect(screen.getByRole('status').textContent).toBe('Read and acknowledged by 3 of 12 people (25%).');
  });

  it('a pinned announcement is acknowledged with one button', () => {
    const ack = vi.fn();
    render(<MustReadPins posts={[post(1, { kind: 'announcement', mustRead: true })]} nameOf={nameOf} onOpen={noop} onAcknowledge={ack} />);
    fireEvent.click(screen.getByRole('button', { name: /I have read this/ }));
    expect(ack).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }));
  });

  it('an AMA post asks for a question to its leader, not for a comment', () => {
    render(
      <Thread
        post={post(4, { kind: 'ama', authorId: 'anna.berg' })}
        me="ben.ode" nameOf={nameOf} people={people} evaluateDraft={scriptedEvaluate({})} space="general"
        onComment={noop} onEditComment={noop} onEditPost={noop} onRetract={noop} onReact={noop} onReport={noop} ownsEntry={() => false}
      />,
    );
    expect(screen.getByRole('textbox', { name: `Ask ${nameOf('anna.berg')} a question` })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ask' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).toBeNull();
  });

  it('an AMA question shows its votes, a pressed vote toggle, and who answered', () => {
    const toggle = vi.fn();
    render(<AmaVote votes={3} voted answeredBy="Anna Berg" onToggle={toggle} />);
    expect(screen.getByText('3 votes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Voted/ }));
    expect(toggle).toHaveBeenCalledWith(false);
    expect(screen.getByText(/Answered by Anna Berg/)).toBeTruthy();
  });

  it('has no axe violations', async () => {
    const question = post(1, { kind: 'question', acceptedAnswer: 'c1', commentCount: 1, comments: [comment('c1', 'ben.ode', 'Try the wiki')] });
    expect(
      await violations(
        <div>
          <MustReadPins posts={[post(2, { kind: 'announcement', mustRead: true })]} nameOf={nameOf} onOpen={noop} onAcknowledge={noop} />
          <h1 id="u">Unanswered</h1>
          <UnansweredList headingId="u" items={[{ post: post(3, { kind: 'question' }), space: 'general', age: 60_000 }]} nameOf={nameOf} now={NOW} onOpen={noop} />
          <SimilarQuestions items={[{ id: 'p1', title: 'How?', answer: 'Like **this**.', onOpen: noop }]} />
          <Thread
            post={question}
            me="anna.berg" nameOf={nameOf} people={people} evaluateDraft={scriptedEvaluate({})} space="general"
            onComment={noop} onEditComment={noop} onEditPost={noop} onRetract={noop} onReact={noop} onReport={noop} ownsEntry={() => true}
            personMark={() => <span className="mark mark-leader">Leader</span>}
            postExtras={<ReachFigure reach={undefined} />}
            renderCommentExtras={(c) => <AnswerControls accepted={c.id === 'c1'} mayAccept onAccept={noop} onWithdraw={noop} />}
          />
        </div>,
      ),
    ).toEqual([]);
  });
});

describe('kudos list', () => {
  it('offers Withdraw only on kudos in the viewer’s own outbox (others are shown, without a button that would do nothing)', () => {
    const kudos = [
      { id: 'k1', authorId: 'binu', to: 'rajesh', message: 'Thanks for the archive clean-up.', space: null, createdAt: NOW, state: 'published' as const, version: 1 },
      { id: 'k2', authorId: 'binu', to: 'rajesh', message: 'Brilliant first month.', space: null, createdAt: NOW - 1000, state: 'published' as const, version: 1 },
    ];
    const withdraw = vi.fn();
    render(<KudosList kudos={kudos} nameOf={nameOf} withdrawable={new Set(['k1'])} onWithdraw={withdraw} />);
    const buttons = screen.getAllByRole('button', { name: /Withdraw your kudos/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(withdraw).toHaveBeenCalledWith('k1');
  });
});
