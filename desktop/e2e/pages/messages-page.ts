// Page model: direct conversations (list, new conversation, one conversation).
import type { Locator, Page } from 'playwright-core';
import { acknowledgePolicyIfAsked } from './policy-gate.js';

export class MessagesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => {
      location.hash = '#/messages';
    });
    await this.page.locator('.screen-messages').waitFor();
  }

  /** Start a conversation with people (by display name) and send the first message. */
  async start(names: string[], body: string): Promise<void> {
    await this.page.locator('.conversation-list .button-primary').first().click();
    const form = this.page.locator('form.new-conversation');
    for (const name of names) {
      await form.locator('input[type="search"]').fill(name);
      await form.locator('.person-checklist label', { hasText: name }).first().click();
    }
    await form.locator('button[type="submit"]').click();
    await acknowledgePolicyIfAsked(this.page);
    const composer = this.page.locator('.screen-messages form.composer-message');
    await composer.locator('.field-body textarea').fill(body);
    await composer.locator('button[type="submit"]').click();
    await this.page.locator('.screen-conversation').waitFor();
  }

  conversationWith(name: string): Locator {
    return this.page.locator('.conversation-list li', { hasText: name });
  }

  message(text: string): Locator {
    return this.page.locator('.screen-conversation', { hasText: text });
  }
}
