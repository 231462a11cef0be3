// @vitest-environment jsdom
// The post screen as the app shows it: the components' Thread wired to the outbox (writes through
// useActions), with the new-comment and reply drafts kept in IndexedDB across an unmount.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { compilePolicy, setPolicyDocument, writePost } from '@hearth/core';
import type { OutboxEntry } from '@hearth/core';
import type { Services } from '../data/services.js';
import { ServicesContext } from '../hooks/services-context.js';
import { outboxView } from '../data/model.js';
import { PostScreen } from './PostScreen.js';
import { testServices } from './test-services.js';

afterEach(cleanup);

async function withPost(): Promise<{ s: Services; postId: string; ui: () => React.JSX.Element }> {
  const s = testServices('anna');
  const postId = await s.outbox.commit((doc) => writePost(doc, { space: 'general', title: 'Quarterly plan', body: 'Draft for comments.' }));
  const ui = () => (
    <ServicesContext value={s}>
      <PostScreen spaceId="general" postId={postId} />
    </ServicesContext>
  );
  return { s, postId, ui };
}

const entries = (s: Services): OutboxEntry[] => outboxView(s.outbox.doc);
const frame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

describe('PostScreen', () => {
  it('comments, replies with a draft kept across an unmount, reacts and withdraws with inline confirmation', async () => {
    const { s, ui } = await withPost();
    const first = render(ui());
    await first.findByRole('heading', { level: 1, name: /Quarterly plan/ });

    // A top-level comment, written to the outbox and shown pending.
    const field = await first.findByRole('textbox', { name: 'Add a comment' });
    fireEvent.change(field, { target: { value: 'Looks good' } });
    await act(async () => {
      fireEvent.click(first.getByRole('button', { name: 'Comment' }));
    });
    const comment = (await first.findByText('Looks good')).closest('li.comment') as HTMLElement;
    expect(comment.querySelector('.mark-pending')).not.toBeNull();
    await waitFor(async () => expect(await s.db.drafts.get(`comment:${entries(s).find((e) => e.type === 'post')!.id}`)).toBeUndefined());

    // A reply typed halfway, then the app goes away: the draft is back when the reply opens again.
    fireEvent.click(within(comment).getByRole('button', { name: 'Reply' }));
    const reply = await first.findByRole('textbox', { name: /^Reply to/ });
    fireEvent.change(reply, { target: { value: 'Half a reply' } });
    first.unmount();
    const commentId = entries(s).find((e) => e.type === 'comment')!.id;
    await waitFor(async () => expect((await s.db.drafts.get(`reply:${commentId}`))?.body).toBe('Half a reply'));

    const second = render(ui());
    const again = (await second.findByText('Looks good')).closest('li.comment') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: 'Reply' }));
    const restored = (await second.findByRole('textbox', { name: /^Reply to/ })) as HTMLTextAreaElement;
    expect(restored.value).toBe('Half a reply');

    // Reacting adds a reaction entry; pressing it again retracts it.
    const bar = second.getByRole('group', { name: /Reactions to .*’s post/ });
    fireEvent.click(within(bar).getByRole('button', { name: 'Add reaction' }));
    await frame();
    await act(async () => {
      fireEvent.click(within(bar).getByRole('button', { name: 'Heart' }));
    });
    const heart = await within(bar).findByRole('button', { name: /^Heart: 1/ });
    expect(heart.getAttribute('aria-pressed')).toBe('true');
    await act(async () => {
      fireEvent.click(heart);
    });
    await waitFor(() => expect(within(bar).queryByRole('button', { name: /^Heart: 1/ })).toBeNull());
    expect(entries(s).filter((e) => e.type === 'reaction').every((e) => e.retracted)).toBe(true);

    // Withdrawing asks in place, not through a browser dialog.
    fireEvent.click(within(again).getByRole('button', { name: 'Withdraw' }));
    await act(async () => {
      fireEvent.click(second.getByRole('button', { name: 'Withdraw comment' }));
    });
    await waitFor(() => expect(entries(s).find((e) => e.id === commentId)?.retracted).toBe(true));
    s.destroy();
  });

  it('asks for the policy acknowledgement instead of the comment composer', async () => {
    const { s, ui } = await withPost();
    // A policy on the device that this person has not acknowledged yet.
    const compiled = compilePolicy({ format: 'hearth-policy-source/1', version: 2, name: 'Test policy', termKey: '00'.repeat(32), rules: [] });
    if (!compiled.ok) throw new Error('test policy does not compile');
    setPolicyDocument(s.hub.open('policy').doc, compiled.policy);
    render(ui());
    const accept = await screen.findByRole('button', { name: /Accept version/ });
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).toBeNull();
    await act(async () => {
      fireEvent.click(accept);
    });
    await screen.findByRole('textbox', { name: 'Add a comment' });
    expect(entries(s).some((e) => e.type === 'ack')).toBe(true);
    s.destroy();
  });
});
