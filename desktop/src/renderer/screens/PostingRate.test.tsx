// @vitest-environment jsdom
// The composer counts this person's own recent outbox entries for the posting-rate rule, so the
// author sees before sending what the relay would do with one post too many.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { compilePolicy, setPolicyDocument, writeAcknowledgement, writePost } from '@hearth/core';
import { ServicesContext } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { testServices } from './test-services.js';

afterEach(cleanup);

const MESSAGE = 'That is a lot of posts in a short time.';

async function composerAfter(posts: number) {
  const s = testServices('anna');
  const compiled = compilePolicy({
    format: 'hearth-policy-source/1',
    version: 2,
    name: 'Test policy',
    termKey: '00'.repeat(32),
    rules: [{ id: 'posting-rate', kind: 'posting-rate', severity: 'hold', maxPerHour: 2, message: MESSAGE, guidance: 'A moderator looks first.' }],
  });
  if (!compiled.ok) throw new Error('test policy does not compile');
  setPolicyDocument(s.hub.open('policy').doc, compiled.policy);
  await s.outbox.commit((doc) => writeAcknowledgement(doc, { policyVersion: 2 }));
  for (let i = 0; i < posts; i++) await s.outbox.commit((doc) => writePost(doc, { space: 'general', body: `Post ${i}` }));
  render(
    <ServicesContext value={s}>
      <DraftedComposer draftKey="post:general" mode="comment" space="general" onSend={async () => undefined} />
    </ServicesContext>,
  );
  fireEvent.input(await screen.findByRole('textbox'), { target: { value: 'One more thing' } });
  return s;
}

describe('the composer and the posting rate', () => {
  it('shows the posting-rate finding when the outbox already has enough recent posts', async () => {
    const s = await composerAfter(2);
    expect(await screen.findByText(MESSAGE)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Comment|Send|Post/ }) as HTMLButtonElement).disabled).toBe(true);
    s.destroy();
  });

  it('says nothing below the limit', async () => {
    const s = await composerAfter(1);
    await screen.findByDisplayValue('One more thing');
    expect(screen.queryByText(MESSAGE)).toBeNull();
    s.destroy();
  });
});
