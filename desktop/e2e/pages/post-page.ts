// Page model: a post's thread and its comment composer.
import type { Locator, Page } from 'playwright-core';
import { acknowledgePolicyIfAsked } from './policy-gate.js';

export class PostPage {
  constructor(readonly page: Page) {}

  comment(text: string): Locator {
    return this.page.locator('li.comment', { hasText: text });
  }

  /** The composer for a new top-level comment, under the thread's comments. */
  get commentForm(): Locator {
    return this.page.locator('.thread-comments > form.composer-comment');
  }

  async writeComment(text: string): Promise<void> {
    await acknowledgePolicyIfAsked(this.page);
    await this.commentForm.locator('.field-body textarea').fill(text);
    await this.commentForm.locator('button[type="submit"]').click();
    await this.comment(text).waitFor();
  }
}
