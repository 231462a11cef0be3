// Page model: the moderation review pane, driven from the keyboard only (no clicks): Tab to the
// nav entry and the queue, j/k to a case, Enter to open it, single keys for the actions.
import type { Locator, Page } from 'playwright-core';

export class ReviewPage {
  constructor(readonly page: Page) {}

  get queue(): Locator {
    return this.page.getByRole('listbox', { name: 'Cases' });
  }

  get detail(): Locator {
    return this.page.locator('article.review-detail');
  }

  /** Presses Tab until `target` has focus (at most `limit` times). */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error('could not reach the element with Tab');
  }

  /** Opens the pane through the navigation, with Tab and Enter. */
  async openWithKeyboard(): Promise<void> {
    const link = this.page.getByRole('navigation').getByRole('link', { name: 'Review' });
    await link.waitFor({ timeout: 20_000 });
    await this.tabTo(link);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.screen-review').waitFor();
  }

  private async selectedText(): Promise<string> {
    return this.queue.evaluate((el) => {
      const id = el.getAttribute('aria-activedescendant');
      return (id === null ? null : document.getElementById(id))?.textContent ?? '';
    });
  }

  /** Focuses the queue with Tab and moves to the case whose text includes `text` with j. */
  async selectWithKeyboard(text: string): Promise<void> {
    await this.queue.getByRole('option', { name: new RegExp(text) }).waitFor({ timeout: 30_000 });
    await this.tabTo(this.queue);
    for (let i = 0; i < 50; i++) {
      if ((await this.selectedText()).includes(text)) return;
      await this.page.keyboard.press('j');
    }
    throw new Error(`no case with ${text} in the queue`);
  }
}
