// Attachments: a post with a picture written offline shows its picture at once for its author (from
// the device), uploads when the author is back online (tus, with its progress), and then appears,
// picture and all, for a colleague — who opens it in the viewer.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';
import { waitForOfflineShell } from './pages/app-page.js';
import { SpacePage } from './pages/space-page.js';

// A 48×32 orange PNG.
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAASklEQVRYhe2WQQ0AQAzC5gBb+P/VzcnYZWkyAYRA2dB8dbOuAAVFh2qGsGVZxw+CMTpUM4QtyzqE8EGLDtUMYcsihyIY63RweFwflyYgajIaT9cAAAAASUVORK5CYII=',
  'base64',
);

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

/** Whether the picture in `card` has loaded (a broken image has no natural width). */
const pictureShown = (card: Locator) =>
  card.locator('.attachment-picture img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0).catch(() => false);

describe('attachments', () => {
  it('a post with an image made offline appears with its image for another person once online', async () => {
    const rajesh = await e2e.signIn('rajesh');
    const binu = await e2e.signIn('binu');
    await waitForOfflineShell(rajesh.page);
    await rajesh.app.openSpace('general');
    const space = new SpacePage(rajesh.page);
    await space.startPost();
    await rajesh.page.getByRole('button', { name: 'Cancel' }).click();

    await rajesh.context.setOffline(true);
    await rajesh.app.connection.getByText(/offline/i).first().waitFor();

    const title = `Harbour at dawn ${Date.now()}`;
    await space.startPost();
    await space.fillPost(title, 'Taken on the way in this morning.');
    await space.composer.locator('input[type="file"]').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: PICTURE });
    await space.composer.getByRole('list', { name: 'Files to attach' }).getByText('harbour.png').waitFor();
    await space.publishButton.click();

    // At once, offline: the author's post shows the picture from this device, pending, waiting to upload.
    const mine = space.post(title);
    await mine.waitFor();
    await expect.poll(() => pictureShown(mine)).toBe(true);
    expect(await mine.locator('.mark-pending').count()).toBe(1);
    await mine.getByText('Waits to upload until you are online').waitFor();

    await rajesh.context.setOffline(false);
    await rajesh.app.waitOnline();
    await rajesh.page.evaluate(() => window.dispatchEvent(new Event('online')));

    await binu.app.openSpace('general');
    const theirs = new SpacePage(binu.page).post(title);
    await theirs.waitFor({ timeout: 30_000 });
    await expect.poll(() => pictureShown(theirs), { timeout: 30_000 }).toBe(true);
    // The picture opens in the viewer, full size.
    await theirs.getByRole('button', { name: 'Open harbour.png' }).click();
    const viewer = binu.page.getByRole('dialog', { name: 'Picture: harbour.png' });
    await viewer.waitFor();
    await expect.poll(() => viewer.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
    await viewer.getByRole('button', { name: 'Close' }).click();
    // Published: the author's pending mark goes away.
    await expect.poll(() => mine.locator('.mark-pending').count(), { timeout: 30_000 }).toBe(0);
  });
});
