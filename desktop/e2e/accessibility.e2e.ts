// An axe-core scan of each main screen (no serious or critical violation), and a screenshot of
// each into e2e/screenshots/ (git-ignored) for people to look at.
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E, SCREENSHOTS, type Signed } from './fixture.js';
import { SignInPage } from './pages/sign-in-page.js';

const e2e = new E2E();
let rajesh: Signed;
beforeAll(async () => {
  await e2e.start();
  rajesh = await e2e.signIn('rajesh');
});
afterAll(() => e2e.stop());

async function scan(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${name}: ${summary.join('\n')}`).toEqual([]);
}

const SCREENS: [string, string, string][] = [
  ['home', '#/', '.screen-home'],
  ['spaces', '#/spaces', '.screen-spaces'],
  ['space-general', '#/space/general', '.screen-space'],
  ['messages', '#/messages', '.screen-messages'],
  ['people', '#/people', '.screen-people'],
  ['person', '#/person/binu', '.screen-person'],
  ['inbox', '#/inbox', '.screen-inbox'],
  ['search', '#/search?q=dashboard', '.screen-search'],
  ['policy', '#/policy', '.screen-policy'],
  ['settings', '#/settings', '.screen-settings'],
];

describe('accessibility of the main screens', () => {
  it('sign-in', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await new SignInPage(page).open(e2e.relay.httpUrl);
    await page.locator('button.person-pick').first().waitFor();
    await scan(page, 'sign-in');
    await context.close();
  });

  for (const [name, hash, selector] of SCREENS) {
    it(name, async () => {
      await rajesh.app.go(hash);
      await rajesh.page.locator(selector).waitFor();
      await scan(rajesh.page, name);
    });
  }

  it('post thread', async () => {
    await rajesh.app.go('#/space/general');
    const first = rajesh.page.locator('article.post-card .post-card-title button').first();
    await first.waitFor({ timeout: 20_000 });
    await first.click();
    await rajesh.page.locator('.screen-post').waitFor();
    await scan(rajesh.page, 'post');
  });
});
