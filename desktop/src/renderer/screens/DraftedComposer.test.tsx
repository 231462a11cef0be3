// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { ServicesContext } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { testServices as services } from './test-services.js';

afterEach(cleanup);

describe('DraftedComposer', () => {
  it('keeps what was typed across an unmount (a crash or restart) and clears it once sent', async () => {
    const s = services();
    const sent: string[] = [];
    const ui = () => (
      <ServicesContext value={s}>
        <DraftedComposer draftKey="comment:p1" mode="comment" space="general" onSend={async (v) => void sent.push(v.body)} />
      </ServicesContext>
    );
    const first = render(ui());
    const body = await first.findByRole('textbox');
    fireEvent.input(body, { target: { value: 'Half a thought' } });
    first.unmount();
    await waitFor(async () => expect((await s.db.drafts.get('comment:p1'))?.body).toBe('Half a thought'));

    const second = render(ui());
    const restored = (await second.findByRole('textbox')) as HTMLTextAreaElement;
    expect(restored.value).toBe('Half a thought');

    await act(async () => {
      fireEvent.submit(restored.closest('form')!);
    });
    await waitFor(() => expect(sent).toEqual(['Half a thought']));
    await waitFor(async () => expect(await s.db.drafts.get('comment:p1')).toBeUndefined());
    s.destroy();
  });
});
