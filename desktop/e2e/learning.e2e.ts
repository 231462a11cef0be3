// Learning in Chromium through a real demo relay: a learner opens the Research Methods course,
// marks a module done and their progress moves (at once, and still after a reload, from their own
// outbox); unticking takes it back. The course's facilitator is pointed to Figures. Axe on the course.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E, type Signed } from './fixture.js';

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

describe('learning', () => {
  it('a learner marks a module done and their progress moves; unticking takes it back', async () => {
    const { page, app } = rajesh;
    await app.openSpace('research-methods');
    const panel = page.getByRole('region', { name: 'Your progress' });
    await panel.getByText('0 of 2 modules done (0%)').waitFor({ timeout: 20_000 });
    const module1 = panel.getByRole('checkbox', { name: 'Done: Module 1: Questionnaire design' });
    await module1.check();
    await panel.getByText('1 of 2 modules done (50%)').waitFor();
    expect(await panel.getByRole('progressbar').getAttribute('value')).toBe('1');
    await axeClean(page);

    await page.reload();
    await app.waitOnline();
    await app.openSpace('research-methods');
    await page.getByRole('region', { name: 'Your progress' }).getByText('1 of 2 modules done (50%)').waitFor({ timeout: 20_000 });
    await page.getByRole('checkbox', { name: 'Done: Module 1: Questionnaire design' }).uncheck();
    await page.getByText('0 of 2 modules done (0%)').waitFor();
  });

  it('the course facilitator is pointed to the group\'s figures', async () => {
    const tom = await e2e.signIn('Tom Hargreaves');
    await tom.app.openSpace('research-methods');
    const panel = tom.page.getByRole('region', { name: 'Your course' });
    await panel.getByRole('link', { name: 'Open Figures' }).click();
    await tom.page.getByRole('heading', { level: 2, name: 'Course progress: Research Methods' }).waitFor({ timeout: 20_000 });
  });
});
