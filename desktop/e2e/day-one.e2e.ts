// What a person meets on day one, in Chromium through a real relay: a composer only where they may
// post (and the kinds they may use), their own post without a "New" mark, a long unbroken title
// inside its card, a Windows path as typed, and the favicon served by the relay. Axe on the screens.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E, type Signed } from './fixture.js';
import { SpacePage } from './pages/space-page.js';

const e2e = new E2E();
let rajesh: Signed;
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
});
afterAll(() => e2e.stop());

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('day one', () => {
  it('an employee is offered no composer in the news space and reads why; in General, no Announcement', async () => {
    const { page, app } = rajesh;
    await app.openSpace('news');
    await page.getByText('Only the communications team posts in Company News. You can comment on its posts.').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'New post' }).count()).toBe(0);
    await axeClean(page);

    await app.openSpace('general');
    const space = new SpacePage(page);
    await space.startPost();
    const kinds = await space.composer.getByRole('combobox', { name: 'Kind of post' }).locator('option').allTextContents();
    expect(kinds).toEqual(['Discussion', 'Question']);
  });

  it('one\'s own post: no New mark, a long title stays inside its card, a Windows path shows as typed', async () => {
    const { page } = rajesh;
    const space = new SpacePage(page);
    const title = `Checklist_${'x'.repeat(180)}_${Date.now()}`;
    const body = 'The files are in C:\\Users\\x\\*.txt and on \\\\fileserver\\share\\';
    await space.fillPost(title, body);
    await space.publishButton.click();
    const card = space.post(title);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.mark-unread').count()).toBe(0);
    const overflow = await card.evaluate((el) => {
      const titleButton = el.querySelector('.post-card-title button') as HTMLElement;
      const box = el.getBoundingClientRect();
      const t = titleButton.getBoundingClientRect();
      return { cardRight: box.right, titleRight: t.right, scroll: el.scrollWidth - el.clientWidth };
    });
    expect(overflow.titleRight).toBeLessThanOrEqual(overflow.cardRight + 0.5);
    expect(overflow.scroll).toBeLessThanOrEqual(0);
    expect(await card.locator('.markdown').textContent()).toBe(body);
  });

  it('the relay serves a favicon and the page links it', async () => {
    const response = await fetch(`${e2e.relay.httpUrl}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(await rajesh.page.locator('link[rel="icon"]').getAttribute('href')).toBe('./favicon.ico');
  });

  it('the inbox passes axe', async () => {
    await rajesh.app.go('#/inbox');
    await rajesh.page.locator('.screen-inbox').waitFor();
    await axeClean(rajesh.page);
  });
});
