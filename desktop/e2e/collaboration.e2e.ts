// Two colleagues in two browsers see each other's post and comment through the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';
import { SpacePage } from './pages/space-page.js';
import { PostPage } from './pages/post-page.js';

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

describe('two people', () => {
  it('see each other’s post and comment', async () => {
    const rajesh = await e2e.signIn('rajesh');
    const binu = await e2e.signIn('binu');
    const title = `Dashboard refresh ${Date.now()}`;

    await rajesh.app.openSpace('general');
    const rSpace = new SpacePage(rajesh.page);
    await rSpace.writePost(title, 'The new sentiment dashboard is live for the retail client.');

    await binu.app.openSpace('general');
    const bSpace = new SpacePage(binu.page);
    await bSpace.post(title).waitFor({ timeout: 30_000 });
    await bSpace.openPost(title);
    await new PostPage(binu.page).writeComment('Looks great, thanks Rajesh!');

    await rSpace.openPost(title);
    const rPost = new PostPage(rajesh.page);
    await rPost.comment('Looks great, thanks Rajesh!').waitFor({ timeout: 30_000 });
    expect(await rPost.comment('Looks great').count()).toBe(1);
  });
});
