// @vitest-environment jsdom
// A learner's tick moves their progress at once, even while the outbox write is still on its way to
// the device's database (CI caught a box that did not move when clicked right after a reload), and
// a second click on a box whose write is still pending writes nothing more.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readOutbox, type SpaceView } from '@hearth/core';
import { post } from '../components/test-fixtures.js';
import { ServicesContext } from '../hooks/services-context.js';
import { testServices } from '../screens/test-services.js';
import { CoursePanel } from './CoursePanel.js';

afterEach(cleanup);

const VIEW: SpaceView = {
  meta: { id: 'methods', name: 'Methods', description: '', kind: 'course', visibility: 'public', facilitators: ['tom'], retentionDays: null, createdAt: 0 },
  members: [],
  posts: [post(1, { space: 'methods', authorId: 'tom', title: 'Module 1' }), post(2, { space: 'methods', authorId: 'tom', title: 'Module 2' })],
};

/** Services whose outbox commits wait until `release` is called, like a busy disk. */
function slowServices() {
  const s = testServices('anna');
  const real = s.outbox.commit.bind(s.outbox);
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  s.outbox.commit = (async (write: Parameters<typeof real>[0]) => {
    await gate;
    return real(write);
  }) as typeof s.outbox.commit;
  return { s, release };
}

describe('CoursePanel', () => {
  it('shows a tick and the new progress before the write is stored, and writes one entry for a double click', async () => {
    const { s, release } = slowServices();
    render(
      <ServicesContext value={s}>
        <CoursePanel view={VIEW} />
      </ServicesContext>,
    );
    const box = screen.getByRole('checkbox', { name: 'Done: Module 1' }) as HTMLInputElement;
    expect(screen.getByText('0 of 2 modules done (0%)')).toBeTruthy();
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    expect(screen.getByText('1 of 2 modules done (50%)')).toBeTruthy();
    fireEvent.click(box);
    expect(box.checked).toBe(true);

    await act(async () => release());
    await waitFor(() => expect(readOutbox(s.outbox.doc).filter((e) => e.type === 'module-done' && !e.retracted)).toHaveLength(1));
    await act(async () => new Promise((r) => setTimeout(r, 100)));
    expect(box.checked).toBe(true);
    expect(readOutbox(s.outbox.doc).filter((e) => e.type === 'module-done')).toHaveLength(1);

    // Unticking takes it back: at once on screen, then in the outbox.
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    expect(screen.getByText('0 of 2 modules done (0%)')).toBeTruthy();
    await waitFor(() => expect(readOutbox(s.outbox.doc).filter((e) => e.type === 'module-done' && !e.retracted)).toHaveLength(0));
    s.destroy();
  });
});
