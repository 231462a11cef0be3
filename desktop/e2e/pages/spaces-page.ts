// Page model: the catalogue of spaces, one row per space with its membership controls.
import type { Locator, Page } from 'playwright-core';

export class SpacesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => {
      location.hash = '#/spaces';
    });
    await this.page.locator('.screen-spaces').waitFor();
  }

  row(name: string): Locator {
    return this.page.locator('li.space-item', { has: this.page.getByRole('heading', { level: 3, name }) });
  }

  /** The row's membership state: member, none, pending or declined. */
  async state(name: string): Promise<string | null> {
    return this.row(name).locator('.membership').getAttribute('data-membership');
  }
}
