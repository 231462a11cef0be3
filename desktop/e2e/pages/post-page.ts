// Page model: a post's thread and its comment composer.
import type { Locator, Page } from 'playwright-core';
import { acknowledgePolicyIfAsked } from './policy-gate.js';

export class PostPage {
  constructor(readonly page: Page) {}

  comment(text: string): Locator {
    return this.page.locator('li.comment', { hasText: text });
  }

  async writeComment(text: string): Promise<void> {
    await acknowledgePolicyIfAsked(this.page);
    const form = this.page.locator('.post-comments > .drafted-composer form.composer-comment');
    await form.locator('.field-body textarea').fill(text);
    await form.locator('button[type="submit"]').click();
    await this.comment(text).waitFor();
  }
}
