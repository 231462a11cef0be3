// A new employee's first hour, walked as they would walk it, through a real relay in demo mode:
// sign in, join a public space (it comes onto Home), post there, ask to join a private space, the
// facilitator approves in the inbox, the newcomer is told and posts in it, reports a seeded demo
// post, and a moderator finds the case in the review pane. No step may end in a dead end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, type Signed } from './fixture.js';
import { InboxPage } from './pages/inbox-page.js';
import { ReviewPage } from './pages/review-page.js';
import { SpacePage } from './pages/space-page.js';
import { SpacesPage } from './pages/spaces-page.js';

const e2e = new E2E();
let ciaran: Signed; // a newcomer: no space joined yet
let binu: Signed; // facilitator of Media Wing, and a moderator
beforeAll(async () => {
  await e2e.start();
  ciaran = await e2e.signIn('ciaran');
  binu = await e2e.signIn('binu');
}, 240_000);
afterAll(() => e2e.stop());

const SEEDED = 'Recipe thread: pão de queijo'; // a demo post in General, by Beatriz

describe("a newcomer's first hour", () => {
  // Generous: twelve steps through a relay, two people and a moderator, on a machine shared with CI.
  it('join, post, ask to join, be approved, post there, report, be seen by a moderator', { timeout: 300_000 }, async () => {
    const page = ciaran.page;
    const spaces = new SpacesPage(page);

    // Home shows company news and the spaces one joined; General is not there yet.
    await ciaran.app.go('#/');
    await page.locator('.screen-home').waitFor();
    await page.getByText('Home shows company news and the spaces you join.').waitFor();
    expect(await page.locator('article.post-card', { hasText: SEEDED }).count()).toBe(0);

    // 1. Join General from the catalogue: a member at once, and its posts come onto Home.
    await spaces.open();
    await spaces.row('General').getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => spaces.state('General')).toBe('member');
    await ciaran.app.go('#/');
    await page.locator('article.post-card', { hasText: SEEDED }).waitFor({ timeout: 30_000 });

    // 2. Post in General (the policy is accepted on the way); it is published, not held.
    await ciaran.app.openSpace('general');
    const general = new SpacePage(page);
    const hello = `Hello from Cork ${Date.now()}`;
    await general.writePost(hello, 'Joined the research team this week. Say hello if you are nearby!');
    await expect.poll(() => general.post(hello).locator('.mark-pending, .mark-held, .mark-rejected').count(), { timeout: 30_000 }).toBe(0);

    // 3. Ask to join Media Wing: its page says what that means, then that the request waits.
    await ciaran.app.openSpace('media-wing');
    await page.getByText('Only members read the posts of this private space.').waitFor();
    await page.getByText('A facilitator decides on your request').waitFor();
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await page.getByText('Request sent — waiting for a facilitator').waitFor();

    // 4. Binu, its facilitator, finds the request in the inbox and approves it.
    const binuInbox = new InboxPage(binu.page);
    await binuInbox.open();
    const approve = binu.page.getByRole('button', { name: 'Approve Ciarán Ó Súilleabháin joining Media Wing' });
    await approve.waitFor({ timeout: 30_000 });
    await approve.click();
    await approve.waitFor({ state: 'detached', timeout: 30_000 });

    // 5. Ciarán is told, the space opens for him, and he posts there; Binu sees the post.
    const inbox = new InboxPage(page);
    await inbox.open();
    await page.getByText('You joined Media Wing').waitFor({ timeout: 30_000 });
    await ciaran.app.openSpace('media-wing');
    await page.getByText('You are a member').waitFor({ timeout: 30_000 });
    const wing = new SpacePage(page);
    await page.locator('article.post-card', { hasText: 'Dashboard refresh schedule' }).waitFor({ timeout: 30_000 });
    const intro = `Media Wing intro ${Date.now()}`;
    await wing.writePost(intro, 'Happy to help with the weekly listening digest.');
    await binu.app.openSpace('media-wing');
    await new SpacePage(binu.page).post(intro).waitFor({ timeout: 30_000 });

    // 6. Report a seeded demo post in General.
    await ciaran.app.openSpace('general');
    await general.openPost(SEEDED);
    await page.getByRole('button', { name: 'Report post' }).click();
    await page.getByLabel('Why are you reporting this?').fill('The recipe link goes to a gambling site.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Reported. A moderator will look at it.').waitFor();

    // 7. A moderator sees the case in the review pane.
    const review = new ReviewPage(binu.page);
    await review.openWithKeyboard();
    await review.queue.getByRole('option', { name: /pão de queijo/ }).waitFor({ timeout: 30_000 });

    // And nothing along the way told Ciarán something had failed.
    await inbox.open();
    expect(await page.locator('li.notice-rejected, li.notice-report-not-opened').count()).toBe(0);
  });
});
