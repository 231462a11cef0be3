// Knowing what needs you, in Chromium through a real relay: a direct message raises the
// recipient's unread count and a Web Notification; a mention's "Open" lands on the comment itself;
// a space set to "Nothing" stays silent; and after a week away the app opens on a digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, type Signed } from './fixture.js';
import { MessagesPage } from './pages/messages-page.js';
import { allowNotifications, navCount, shownNotifications } from './pages/notifications.js';
import { acknowledgePolicyIfAsked } from './pages/policy-gate.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let rajesh: Signed;
let binu: Signed; // both are members of Media Wing in the demo company
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
  binu = await e2e.signIn('binu', { prepare: allowNotifications(new URL(e2e.relay.httpUrl).origin) });
}, 240_000);
afterAll(() => e2e.stop());

const stamp = () => `${Date.now()}`.slice(-6);

/** Rajesh writes a post in Media Wing and a comment under it; the comment's text is returned. */
async function postAndComment(title: string, comment: string): Promise<void> {
  await rajesh.app.openSpace('media-wing');
  const space = new SpacePage(rajesh.page);
  await space.writePost(title, 'Numbers for the client deck.');
  await space.openPost(title);
  await acknowledgePolicyIfAsked(rajesh.page);
  const form = rajesh.page.locator('.thread-comments > form.composer-comment');
  await form.locator('.field-body textarea').fill(comment);
  await form.locator('button[type="submit"]').click();
}

describe('notifications', () => {
  it('a direct message raises the unread count and a Web Notification', { timeout: 120_000 }, async () => {
    await binu.app.go('#/');
    const before = await navCount(binu.page, 'messages');
    const body = `Have you got a minute for the dashboard? ${stamp()}`;
    const r = new MessagesPage(rajesh.page);
    await r.open();
    await r.start(['Binu Thomas'], body);

    await expect.poll(() => navCount(binu.page, 'messages'), { timeout: 30_000 }).toBe(before + 1);
    expect(await binu.page.title()).toMatch(/^\(\d+\) Hearth$/);
    await expect.poll(async () => (await shownNotifications(binu.page)).some((n) => n.body === 'Rajesh Kumar sent you a message.'), { timeout: 30_000 }).toBe(true);

    // The conversation list says who wrote last; reading it clears the count.
    const b = new MessagesPage(binu.page);
    await b.open();
    await b.conversationWith('Rajesh Kumar').getByText('Rajesh Kumar:', { exact: false }).first().waitFor();
    await b.conversationWith('Rajesh Kumar').locator('button').first().click();
    await b.message(body).waitFor();
    await expect.poll(() => navCount(binu.page, 'messages'), { timeout: 10_000 }).toBe(before);
  });

  it("a mention's Open lands on the comment, scrolled into view and highlighted", { timeout: 120_000 }, async () => {
    const ref = `ref ${stamp()}`;
    await postAndComment(`Client figures ${ref}`, `Could you check these, <@binu>? ${ref}`);

    await binu.app.go('#/inbox');
    const notice = binu.page.locator('li.notice-mention', { hasText: 'Rajesh Kumar mentioned you in Media Wing' }).first();
    await notice.waitFor({ timeout: 30_000 });
    await notice.getByRole('button', { name: 'Open' }).click();
    const focused = binu.page.locator('[data-item].is-focused');
    await focused.waitFor({ timeout: 30_000 });
    expect(await focused.textContent()).toContain(ref);
    expect(await binu.page.evaluate(() => location.hash)).toMatch(/^#\/post\/media-wing\/[^?]+\?item=/);
    const inView = await focused.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  it('a space set to "Nothing" stays silent; a direct message still gets through', { timeout: 150_000 }, async () => {
    await binu.app.go('#/settings');
    await binu.page.getByLabel('Notifications from Media Wing').selectOption('none');
    await binu.app.go('#/');
    const ref = `ref ${stamp()}`;
    await postAndComment(`Quiet please ${ref}`, `Over to you <@binu> ${ref}`);
    // The mention is in the inbox (settings never hide content) ...
    await binu.app.go('#/inbox');
    await expect.poll(() => binu.page.locator('li.notice-mention').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await binu.app.go('#/');
    const shownBefore = (await shownNotifications(binu.page)).length;
    // ... and a direct message after it does notify, so the app was listening all along.
    const r = new MessagesPage(rajesh.page);
    await r.open();
    const body = `And one more thing ${ref}`;
    await r.start(['Binu Thomas'], body);
    await expect.poll(async () => (await shownNotifications(binu.page)).length, { timeout: 30_000 }).toBeGreaterThan(shownBefore);
    const shown = await shownNotifications(binu.page);
    expect(shown.filter((n) => n.body.includes('mentioned you'))).toHaveLength(1); // the one from before "Nothing"
  });

  it('after a week away, the app opens on "While you were away"', { timeout: 120_000 }, async () => {
    await binu.page.close();
    const title = `While binu was out ${stamp()}`;
    await rajesh.app.openSpace('media-wing');
    await new SpacePage(rajesh.page).writePost(title, 'The client meeting moved to Thursday.');

    // A week has passed for this device: the last visit it remembers is eight days ago.
    const page = await binu.context.newPage();
    await page.addInitScript(() => {
      if (sessionStorage.getItem('away-set') === null) {
        sessionStorage.setItem('away-set', '1');
        localStorage.setItem('hearth.lastSeen.binu', String(Date.now() - 8 * 24 * 60 * 60 * 1000));
      }
    });
    await page.goto(e2e.relay.httpUrl);
    const digest = page.locator('.away-digest');
    await digest.getByRole('heading', { name: 'While you were away' }).waitFor({ timeout: 60_000 });
    await digest.getByRole('button', { name: title }).waitFor({ timeout: 30_000 });
    await digest.getByText(/Rajesh Kumar: \d+ messages?/).first().waitFor();
    // The app is usable meanwhile, and the digest goes when the person has read it.
    await digest.getByRole('button', { name: 'Got it' }).click();
    expect(await page.locator('.away-digest').count()).toBe(0);
  });
});
