// Figures in Chromium through a real demo relay: a facilitator opens Figures from the navigation,
// sees charts of their own course space, reads one as a table and downloads its CSV; an employee
// is not offered Figures and, asking anyway, reads the relay's refusal. Axe on the screen.
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E, type Signed } from './fixture.js';

const e2e = new E2E();
let tom: Signed;
beforeAll(async () => {
  await e2e.start();
  tom = await e2e.signIn('Tom Hargreaves');
});
afterAll(() => e2e.stop());

async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('figures', () => {
  it('a facilitator opens Figures, sees a chart of their space, reads it as a table and downloads the CSV', async () => {
    const { page } = tom;
    await page.getByRole('navigation').getByRole('link', { name: 'Figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures' }).waitFor();
    const activity = page.getByRole('region', { name: 'Posts, comments and reactions per space' });
    await activity.waitFor({ timeout: 20_000 });
    // A facilitator's figures: their own course only.
    await activity.locator('svg.recharts-surface').first().waitFor();
    await activity.getByText('Show as a table').click();
    const rows = activity.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('Research Methods');

    const [download] = await Promise.all([page.waitForEvent('download'), activity.getByRole('button', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hearth-activity-per-space-all-28d-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Space,Posts,Comments,Reactions,People');
    expect(csv.split('\r\n')[1]).toMatch(/^Research Methods,/);
    await page.getByRole('region', { name: /^Course progress: Research Methods/ }).waitFor();
    await axeClean(page);
  });

  it('comms sees every space; the charts\' tables and CSV work from the keyboard; axe on the whole screen', async () => {
    const seema = await e2e.signIn('seema');
    const { page } = seema;
    await seema.app.go('#/figures');
    await page.getByText('Every space, and activity across the company.').waitFor({ timeout: 20_000 });
    const daily = page.getByRole('region', { name: 'Active people per day' });
    await daily.locator('svg.recharts-surface').first().waitFor();
    // Keyboard only: the table alternative opens with Enter on its summary, the CSV downloads with Enter.
    await daily.locator('summary').focus();
    await page.keyboard.press('Enter');
    await daily.getByRole('table').waitFor();
    expect(await daily.getByRole('row').count()).toBe(29); // header + 28 days
    await daily.getByRole('button', { name: /Download CSV/ }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toHaveLength(29);
    expect(csv.split('\r\n')[0]).toBe('Day,Active people');
    await page.getByRole('region', { name: 'Holds and reports per space' }).waitFor();
    await axeClean(page);
  });

  it('an employee is not offered Figures (the relay refuses them anyway: sync-server/test/figures.test.ts)', async () => {
    const rajesh = await e2e.signIn('rajesh');
    expect(await rajesh.page.getByRole('navigation').getByRole('link', { name: 'Figures' }).count()).toBe(0);
    await rajesh.app.go('#/figures');
    await rajesh.page.locator('.screen-home').waitFor();
    expect(await rajesh.page.getByRole('heading', { level: 1, name: 'Figures' }).count()).toBe(0);
  });
});
