// A draft in the composer survives a reload (it is kept in IndexedDB per context).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';
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
});
