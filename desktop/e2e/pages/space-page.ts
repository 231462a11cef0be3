// Page model: a space's feed and its post composer.
import type { Locator, Page } from 'playwright-core';
import { acknowledgePolicyIfAsked } from './policy-gate.js';

export class SpacePage {
  constructor(readonly page: Page) {}

  post(title: string): Locator {
    return this.page.locator('article.post-card', { hasText: title });
  }

  async startPost(): Promise<void> {
    await this.page.getByRole('button', { name: 'New post' }).click();
    await acknowledgePolicyIfAsked(this.page);
    await this.composer.locator('.field-title input').waitFor();
  }

  get composer(): Locator {
    return this.page.locator('form.composer-post');
  }

  async fillPost(title: string, body: string): Promise<void> {
    await this.composer.locator('.field-title input').fill(title);
    await this.composer.locator('.field-body textarea').fill(body);
  }

  get publishButton(): Locator {
    return this.composer.locator('button[type="submit"]');
  }

  async writePost(title: string, body: string): Promise<void> {
    await this.startPost();
    await this.fillPost(title, body);
    await this.publishButton.click();
    await this.post(title).waitFor();
  }

  async openPost(title: string): Promise<void> {
    await this.post(title).locator('.post-card-title button').click();
    await this.page.locator('.screen-post').waitFor();
  }
}
