// Page model: the sign-in screen.
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
  }

  /** Demo relay: choose the person from the relay's list, by the name the directory gives them. */
  async signInAs(name: string): Promise<void> {
    await this.page.locator('button.person-pick', { hasText: name }).first().click();
    await this.page.locator('nav.app-nav').waitFor();
  }
}
