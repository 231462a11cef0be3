// Page model: the sign-in screen.
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
  }

  /** Demo relay: choose the person from the relay's list. */
  async signInAs(person: string): Promise<void> {
    await this.page.locator(`button[data-person="${person}"]`).click();
    await this.page.locator('nav.app-nav').waitFor();
  }
}
