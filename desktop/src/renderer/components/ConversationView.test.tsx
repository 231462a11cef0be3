// @vitest-environment jsdom
// One's own messages can be changed and withdrawn in place; a withdrawn one reads as withdrawn; the
// list of conversations says who wrote the last message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ConversationView as Conversation } from '@hearth/core';
import { ConversationList } from './ConversationList.js';
import { ConversationView } from './ConversationView.js';
import { nameOf, people, scriptedEvaluate } from './test-fixtures.js';

afterEach(cleanup);

const me = people[0]!.id;
const other = people[1]!.id;
const msg = (id: string, authorId: string, body: string, state: 'published' | 'retracted' = 'published') => ({ id, authorId, body, createdAt: 1000, editedAt: null, state });
const conversation = (messages: Conversation['messages']): Conversation => ({ id: 'c1', participants: [me, other], createdAt: 1, messages });

describe('own messages', () => {
  it('can be edited and withdrawn; others\u2019 cannot', () => {
    const onEdit = vi.fn();
    const onWithdraw = vi.fn();
    render(<ConversationView conversation={conversation([msg('m1', me, 'See you at 3'), msg('m2', other, 'OK')])} me={me} nameOf={nameOf} people={people} evaluateDraft={scriptedEvaluate({})} onSend={() => {}} onEdit={onEdit} onWithdraw={onWithdraw} />);
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Edit your message' }), { target: { value: 'See you at 4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onEdit).toHaveBeenCalledWith('m1', 'See you at 4');
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(onWithdraw).toHaveBeenCalledWith('m1');
  });

  it('a withdrawn message reads as withdrawn by its author', () => {
    render(<ConversationView conversation={conversation([msg('m1', other, '', 'retracted')])} me={me} nameOf={nameOf} people={people} evaluateDraft={scriptedEvaluate({})} onSend={() => {}} />);
    expect(screen.getByText('This message was withdrawn by its author.')).toBeTruthy();
  });

  it('the list names who wrote the last message, and counts unread ones', () => {
    render(<ConversationList conversations={[conversation([msg('m1', me, 'Hi'), msg('m2', other, 'Lunch?')])]} me={me} nameOf={nameOf} unreadCount={() => 2} onSelect={() => {}} onNew={() => {}} />);
    const item = screen.getByRole('button', { name: new RegExp(nameOf(other)) });
    expect(within(item).getByText(`${nameOf(other)}: Lunch?`)).toBeTruthy();
    expect(within(item).getByLabelText('2 unread messages')).toBeTruthy();
  });
});
