// A private space is readable by its members only: seema (not a member of media-wing) is told she
// is not allowed and sees none of its posts; rajesh (a member) reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E } from './fixture.js';

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

describe('private space media-wing', () => {
  it('is not readable by seema, a non-member', async () => {
    const seema = await e2e.signIn('seema');
    await seema.app.go('#/spaces');
    const row = seema.page.locator('li.space-item', { hasText: 'Media Wing' });
    await row.waitFor();
    expect(await row.getByRole('button', { name: /ask to join/i }).count()).toBe(1);
    // Not readable: its name is not a link to open it.
    expect(await row.locator('h3 button').count()).toBe(0);

    await seema.app.openSpace('media-wing');
    await seema.page.locator('[data-refused]').waitFor({ timeout: 20_000 });
    expect(await seema.page.locator('article.post-card').count()).toBe(0);
  });

  it('is readable by rajesh, a member', async () => {
    const rajesh = await e2e.signIn('rajesh');
    await rajesh.app.openSpace('media-wing');
    await rajesh.page.locator('.screen-space').waitFor();
    expect(await rajesh.page.locator('[data-refused]').count()).toBe(0);
  });
});
