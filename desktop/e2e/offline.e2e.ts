// Offline: a person posts and comments with no network, reloads (everything still there, marked
// pending), comes back online, and a colleague receives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';
import { waitForOfflineShell } from './pages/app-page.js';
import { PostPage } from './pages/post-page.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

describe('offline', () => {
  it('keeps work made offline across a reload and delivers it when back online', async () => {
    const rajesh = await e2e.signIn('rajesh');
    const binu = await e2e.signIn('binu');
    await waitForOfflineShell(rajesh.page);
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    // Acknowledge the policy while online, as a person would on their first day.
    await space.startPost();
    await rajesh.page.getByRole('button', { name: 'Cancel' }).click();

    await rajesh.context.setOffline(true);
    await rajesh.app.connection.getByText(/offline/i).first().waitFor();

    const title = `Written on the train ${Date.now()}`;
    await space.writePost(title, 'Notes from the client visit, typed with no network.');
    await expect.poll(() => space.post(title).locator('.mark-pending').count()).toBe(1);
    await space.openPost(title);
    const post = new PostPage(rajesh.page);
    await post.writeComment('And one more thought, still offline.');
    await expect.poll(() => post.comment('still offline').locator('.mark-pending').count()).toBe(1);

    // Two outbox changes the relay has not stored yet are counted where the connection shows.
    await rajesh.app.connection.locator('.connection-unsaved').waitFor();

    await rajesh.page.reload();
    await rajesh.page.locator('nav.app-nav').waitFor();
    await rajesh.app.openSpace('general');
    await space.post(title).waitFor();
    expect(await space.post(title).locator('.mark-pending').count()).toBe(1);
    await space.openPost(title);
    await post.comment('still offline').waitFor();

    await rajesh.context.setOffline(false);
    await rajesh.app.waitOnline();
    // The relay's `stored` notice covers them: the count goes away.
    await rajesh.app.connection.locator('.connection-unsaved').waitFor({ state: 'detached', timeout: 30_000 });

    await binu.app.openSpace('general');
    const binuSpace = new SpacePage(binu.page);
    await binuSpace.post(title).waitFor({ timeout: 30_000 });
    await binuSpace.openPost(title);
    await new PostPage(binu.page).comment('still offline').waitFor({ timeout: 30_000 });
    // Published: the author's pending marks go away.
    await expect.poll(() => post.comment('still offline').locator('.mark-pending').count(), { timeout: 30_000 }).toBe(0);
  });
});
