// Page model: the inbox (held and rejected items with their reasons).
import type { Locator, Page } from 'playwright-core';

export class InboxPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => {
      location.hash = '#/inbox';
    });
    await this.page.locator('.screen-inbox').waitFor();
  }

  held(text: string): Locator {
    return this.page.locator('li.notice-held', { hasText: text });
  }
}
