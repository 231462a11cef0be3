// A draft in a composer survives a reload (it is kept in IndexedDB per context): a new post, and a
// comment in a post's thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';
import { acknowledgePolicyIfAsked } from './pages/policy-gate.js';
import { PostPage } from './pages/post-page.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

describe('drafts', () => {
  it('survive a reload', async () => {
    const rajesh = await e2e.signIn('rajesh');
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await space.composer.locator('.field-title input').pressSequentially('Half-written idea');
    await space.composer.locator('.field-body textarea').pressSequentially('Typed before the power went out.');
    await rajesh.page.waitForTimeout(600); // drafts are written a moment after typing stops
    await rajesh.page.reload();
    await rajesh.page.locator('nav.app-nav').waitFor();
    await rajesh.app.openSpace('general');
    await rajesh.page.getByRole('button', { name: 'New post' }).click();
    await space.composer.locator('.field-title input').waitFor();
    expect(await space.composer.locator('.field-title input').inputValue()).toBe('Half-written idea');
    expect(await space.composer.locator('.field-body textarea').inputValue()).toBe('Typed before the power went out.');
  });

  it('of a comment survive a reload', async () => {
    const binu = await e2e.signIn('binu');
    await binu.app.openSpace('general');
    await binu.page.locator('article.post-card .post-card-title button').first().click();
    await binu.page.locator('.screen-post').waitFor();
    const post = new PostPage(binu.page);
    await acknowledgePolicyIfAsked(binu.page);
    const field = post.commentForm.locator('.field-body textarea');
    await field.pressSequentially('A comment I had not sent yet');
    await binu.page.waitForTimeout(600);
    await binu.page.reload();
    await binu.page.locator('.screen-post').waitFor();
    await field.waitFor();
    expect(await field.inputValue()).toBe('A comment I had not sent yet');
  });
});
