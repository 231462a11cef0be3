// Time buckets in Chromium through a real relay: a space keeps only its last months on a new device.
// An old post (the demo company's April posts, published then) is not there at first; "Older posts"
// brings its month and the post appears; another old post is found by search — asked of the relay,
// marked as coming from it — and opens; both months stay on the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E, type Signed } from './fixture.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let rajesh: Signed;
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
});
afterAll(() => e2e.stop());

describe('older posts', () => {
  it('an old post is not loaded at first, and appears on "Older posts"', async () => {
    const { page, app } = rajesh;
    await app.openSpace('london-office');
    const space = new SpacePage(page);
    await space.post('Fire drill on Thursday at 10:30').waitFor({ timeout: 20_000 });
    const old = space.post('Rooftop beehives: the first honey harvest');
    expect(await old.count()).toBe(0);
    await page.getByText(/April 2026: 1 post/).waitFor();
    await page.getByRole('button', { name: 'Older posts' }).click();
    await old.waitFor({ timeout: 20_000 });
    await page.getByText('Every month of this space is on this device.').waitFor();
  });

  it('an old post of another space is found by search through the relay, marked so, and opens', async () => {
    const { page, app } = rajesh;
    await app.go('#/search');
    await page.locator('.screen-search input[role="combobox"]').fill('gazebo');
    const result = page.locator('.search-result', { hasText: 'Spring picnic: who brings the gazebo?' });
    await result.waitFor({ timeout: 20_000 });
    expect(await result.locator('.search-result-context').textContent()).toContain('from the relay');
    await result.click();
    await page.locator('.screen-post', { hasText: 'We need someone with a car to bring the big gazebo.' }).waitFor({ timeout: 20_000 });
    // Its month is on the device now: General has nothing older left to fetch.
    await app.openSpace('general');
    await page.getByText('Every month of this space is on this device.').waitFor({ timeout: 20_000 });
  });
});
