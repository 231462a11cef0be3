// Page model: the acknowledgement asked for before a person's first contribution.
import type { Page } from 'playwright-core';

export async function acknowledgePolicyIfAsked(page: Page): Promise<void> {
  const ack = page.locator('.ack-gate button.button-primary');
  // The gate shows once the policy room has loaded; give it a moment.
  await page.waitForTimeout(200);
  if (await ack.count()) {
    await ack.first().click();
    await page.locator('.ack-gate').first().waitFor({ state: 'detached' });
  }
}
