// The moderation review pane through a real relay: rajesh's post names a confidential client and
// is held (written around the composer, as in policy.e2e.ts); binu, a moderator, opens the review
// pane and approves it with the keyboard alone; the relay publishes it and it appears in the space.
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, SCREENSHOTS, type Signed } from './fixture.js';
import { ReviewPage } from './pages/review-page.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let rajesh: Signed;
let binu: Signed;
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
  binu = await e2e.signIn('binu');
});
afterAll(() => e2e.stop());

describe('moderation review pane', () => {
  it('a moderator approves a held post with the keyboard alone, and it is published', async () => {
    const title = `Held ${Date.now()}`;
    // Rajesh acknowledges the policy (asked before a first post), then writes around the composer.
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await rajesh.page.evaluate(
      (t) => window.__hearth!.writePostBypassingComposer({ space: 'general', title: t, body: 'Kick-off with Northwind on Monday.' }),
      title,
    );
    await space.post(title).locator('.mark-held').waitFor({ timeout: 30_000 });

    const review = new ReviewPage(binu.page);
    await review.openWithKeyboard();
    await review.selectWithKeyboard(title);
    await binu.page.keyboard.press('Enter');
    await review.detail.getByRole('heading', { level: 2, name: /Post by Rajesh Kumar/ }).waitFor();
    expect(await review.detail.locator('.review-item-body mark.finding-hold').first().textContent()).toBe('Northwind');
    // The pane with a case open and the legend shown: no serious or critical axe violation in
    // Chromium (contrast included, which jsdom cannot check).
    await binu.page.keyboard.press('?');
    await binu.page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await binu.page.screenshot({ path: join(SCREENSHOTS, 'review.png'), fullPage: true });
    await review.detail.screenshot({ path: join(SCREENSHOTS, 'review-detail.png') });
    const axe = await new AxeBuilder({ page: binu.page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    await binu.page.keyboard.press('a');
    // The status line follows the decision to what the relay did with it (the case's executions).
    await binu.page.getByRole('status').filter({ hasText: 'Post by Rajesh Kumar: approved and published.' }).waitFor({ timeout: 30_000 });

    // The relay carries the decision out: the post is published, for its author and for others.
    await space.post(title).waitFor({ timeout: 30_000 });
    await expect.poll(() => space.post(title).locator('.mark-held').count(), { timeout: 30_000 }).toBe(0);
    await binu.app.openSpace('general');
    await new SpacePage(binu.page).post(title).waitFor({ timeout: 30_000 });

    // Rajesh's inbox: the hold is settled (published since), no longer waiting for him, and he can dismiss it.
    await rajesh.app.go('#/inbox');
    const settled = rajesh.page.getByRole('region', { name: /Other updates/ }).locator('li.notice-held');
    await settled.getByText('Settled: it has been published since.').waitFor({ timeout: 30_000 });
    expect(await rajesh.page.getByRole('region', { name: /Needs your attention/ }).locator('li.notice-held').count()).toBe(0);
    expect(await settled.getByRole('button', { name: 'Edit and resubmit' }).count()).toBe(0);
    await settled.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => rajesh.page.locator('li.notice-held').count(), { timeout: 10_000 }).toBe(0);
  });
});
