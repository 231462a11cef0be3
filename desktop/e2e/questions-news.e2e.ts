// Questions that get answered, company news people read, leaders present — in Chromium through a
// real relay (demo company): a must-read announcement is pinned until acknowledged while its
// author's reach figure moves; a question gets an accepted answer and leaves the unanswered list;
// a similar question (with its accepted answer) is suggested while typing, offline; a leader's AMA
// shows questions by votes with the answered ones marked. Axe on each new screen.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E, type Signed } from './fixture.js';
import { acknowledgePolicyIfAsked } from './pages/policy-gate.js';
import { PostPage } from './pages/post-page.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let seema: Signed;
let rajesh: Signed;
beforeAll(async () => {
  await e2e.start();
  seema = await e2e.signIn('seema');
  rajesh = await e2e.signIn('rajesh');
});
afterAll(() => e2e.stop());

/** Axe on the page, or only on the parts given (the new ones, where the rest is not this work's). */
async function axeClean(page: Page, only: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of only) builder = builder.include(selector);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const reachOf = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('reach').textContent()) ?? '';
  const match = /by (\d+) of (\d+)/.exec(text);
  return match ? Number(match[1]) : -1;
};

describe('engagement', () => {
  it('a must-read announcement is pinned until acknowledged, and the author sees its reach move', async () => {
    const title = `Security training due ${Date.now()}`;
    await seema.app.openSpace('news');
    const space = new SpacePage(seema.page);
    await space.startPost();
    await space.composer.getByRole('combobox', { name: 'Kind of post' }).selectOption({ label: 'Announcement' });
    await seema.page.getByRole('checkbox', { name: /Must read/ }).check();
    await space.fillPost(title, 'Everyone completes the new security module by Friday.');
    await space.publishButton.click();
    await space.post(title).waitFor({ timeout: 20_000 });
    await space.openPost(title);
    await expect.poll(() => reachOf(seema.page), { timeout: 20_000 }).toBe(0);
    await axeClean(seema.page);

    await rajesh.app.go('#/');
    const pin = rajesh.page.locator('.must-read-pin', { hasText: title });
    await pin.waitFor({ timeout: 20_000 });
    await axeClean(rajesh.page);
    await pin.getByRole('button', { name: /I have read this/ }).click();
    await pin.waitFor({ state: 'detached' });
    await expect.poll(() => reachOf(seema.page), { timeout: 20_000 }).toBe(1);
    // Still acknowledged after a reload: it came from rajesh's own outbox.
    await rajesh.page.reload();
    await rajesh.app.waitOnline();
    await rajesh.page.locator('.must-read-pins').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    expect(await rajesh.page.locator('.must-read-pin', { hasText: title }).count()).toBe(0);
  });

  it('a question gets an accepted answer, shown first, and leaves the unanswered list', async () => {
    const title = `Where is the parking permit form ${Date.now()}?`;
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await space.composer.getByRole('combobox', { name: 'Kind of post' }).selectOption({ label: 'Question' });
    await space.fillPost(title, 'I need one for the London office.');
    await space.publishButton.click();
    await space.post(title).waitFor({ timeout: 20_000 });

    await rajesh.app.go('#/unanswered');
    const listed = rajesh.page.locator('.unanswered-item', { hasText: title });
    await listed.waitFor({ timeout: 20_000 });
    await axeClean(rajesh.page);

    await seema.app.openSpace('general');
    await new SpacePage(seema.page).post(title).waitFor({ timeout: 20_000 });
    await new SpacePage(seema.page).openPost(title);
    const seemaPost = new PostPage(seema.page);
    await seemaPost.writeComment('Reception has them.');
    await seemaPost.writeComment('It is on the intranet under Facilities > Parking.');

    await listed.locator('button').click();
    const post = new PostPage(rajesh.page);
    const answer = post.comment('Facilities > Parking');
    await answer.waitFor({ timeout: 20_000 });
    await acknowledgePolicyIfAsked(rajesh.page);
    await answer.getByRole('button', { name: 'Accept as answer' }).click();
    await answer.locator('.mark-accepted').waitFor();
    // Shown first once accepted.
    await expect.poll(() => rajesh.page.locator('.thread-comments li.comment').first().textContent()).toContain('Facilities > Parking');
    await axeClean(rajesh.page);
    // The relay publishes it: seema sees it too.
    await new PostPage(seema.page).comment('Facilities > Parking').locator('.mark-accepted').waitFor({ timeout: 20_000 });

    await rajesh.app.go('#/unanswered');
    await rajesh.page.locator('.screen-unanswered').waitFor();
    await expect.poll(() => rajesh.page.locator('.unanswered-item', { hasText: title }).count(), { timeout: 20_000 }).toBe(0);
  });

  it('while typing a question, a similar one already asked is suggested with its accepted answer, offline', async () => {
    await rajesh.app.openSpace('general');
    await rajesh.context.setOffline(true);
    await rajesh.app.connection.getByText(/offline/i).first().waitFor();
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await space.composer.getByRole('combobox', { name: 'Kind of post' }).selectOption({ label: 'Question' });
    await space.composer.locator('.field-title input').pressSequentially('How do I book a meeting room in Berlin?', { delay: 20 });
    const similar = rajesh.page.locator('.similar-questions li', { hasText: 'Booking a meeting room in another office?' });
    await similar.waitFor({ timeout: 30_000 });
    expect(await similar.textContent()).toContain('You can book any office from the calendar');
    await rajesh.context.setOffline(false);
    // The composer and the panel (the feed below is squeezed while the composer is open: not new here).
    await axeClean(rajesh.page, ['form.composer-post', '.similar-questions']);
    await space.composer.getByRole('button', { name: 'Cancel' }).click();
  });

  it("a leader's AMA: the leader is marked, questions by votes, the answered one marked, one vote per person", async () => {
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.post('Ask me anything: our plans for 2027').waitFor({ timeout: 20_000 });
    expect(await space.post('Ask me anything: our plans for 2027').locator('.mark-leader').count()).toBe(1);
    await space.openPost('Ask me anything: our plans for 2027');
    const questions = rajesh.page.locator('.thread-comments > ol > li.comment');
    await expect.poll(() => questions.first().textContent()).toContain('more analysts');
    const remote = rajesh.page.locator('li.comment', { hasText: 'join the São Paulo kick-off remotely' }).first();
    expect(await remote.locator('.mark-accepted').first().textContent()).toContain('Answered by');
    // rajesh already voted for it in the demo: his vote shows pressed, and the count does not double.
    const vote = remote.getByRole('button', { name: /Vote up|Voted/ }).first();
    expect(await vote.getAttribute('aria-pressed')).toBe('true');
    const hybrid = rajesh.page.locator('li.comment', { hasText: 'hybrid working' }).first();
    await acknowledgePolicyIfAsked(rajesh.page);
    await hybrid.getByRole('button', { name: /Vote up/ }).click();
    await expect.poll(() => hybrid.locator('.ama-votes').first().textContent()).toBe('4 votes');
    await axeClean(rajesh.page);
  });
});
