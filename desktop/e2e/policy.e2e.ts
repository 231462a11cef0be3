// The behaviour policy on both ends: the composer underlines a confidential client name and will
// not send it; a post that reaches the relay anyway (written to the outbox around the composer)
// comes back held, with the policy's reasons in the author's inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, type Signed } from './fixture.js';
import { InboxPage } from './pages/inbox-page.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let rajesh: Signed;
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
});
afterAll(() => e2e.stop());

describe('behaviour policy', () => {
  it('underlines the codename "Northwind" in a draft and does not let it be sent', async () => {
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await space.fillPost('Client update', 'The Northwind tracker wave 3 is in the field.');
    const mark = space.composer.locator('mark.finding-mark', { hasText: 'Northwind' }).first();
    await mark.waitFor();
    expect(await mark.getAttribute('class')).toContain('finding-hold');
    expect(await space.publishButton.isDisabled()).toBe(true);
    await space.composer.locator('.field-body textarea').fill('The retail client tracker wave 3 is in the field.');
    await expect.poll(() => space.publishButton.isDisabled()).toBe(false);
  });

  it('a post that bypasses the composer comes back held, with its reasons', async () => {
    const title = `Bypass ${Date.now()}`;
    await rajesh.page.evaluate(
      (t) => window.__hearth!.writePostBypassingComposer({ space: 'general', title: t, body: 'Northwind Traders signed the renewal.' }),
      title,
    );
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.post(title).locator('.mark-held').waitFor({ timeout: 30_000 });
    const inbox = new InboxPage(rajesh.page);
    await inbox.open();
    const held = inbox.held('names a client whose work with us is confidential');
    await held.first().waitFor();
    // "Edit and resubmit" opens the held post with its text, to change it and send it again.
    await held.first().getByRole('button', { name: /edit and resubmit/i }).click();
    const composer = rajesh.page.locator('.resubmit form.composer-post');
    await composer.waitFor();
    expect(await composer.locator('.field-body textarea').inputValue()).toContain('Northwind Traders signed');
  });
});
