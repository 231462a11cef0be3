// Page model: the frame around every screen (navigation, connection state) and hash navigation.
import type { Locator, Page } from 'playwright-core';

export class AppPage {
  constructor(readonly page: Page) {}

  get connection(): Locator {
    return this.page.locator('.app-connection');
  }

  async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => {
      location.hash = h;
    }, hash);
  }

  async waitOnline(): Promise<void> {
    await this.connection.getByText(/online/i).first().waitFor({ timeout: 60_000 });
  }

  async openSpace(space: string): Promise<void> {
    await this.go(`#/space/${space}`);
    await this.page.locator('.screen-space, .screen-refused').first().waitFor();
  }
}

/** Waits until the app-shell service worker controls the page, so a reload works offline. */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}
