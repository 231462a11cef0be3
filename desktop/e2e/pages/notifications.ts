// Page model helpers for notifications: a profile that has granted the Notification permission
// (as a person who clicked "Turn on notifications" and said yes would have) and records every Web
// Notification the app shows, since a headless browser displays none.
import type { BrowserContext, Page } from 'playwright-core';

export interface Shown {
  title: string;
  body: string;
}

export function allowNotifications(origin: string): (context: BrowserContext) => Promise<void> {
  return async (context) => {
    await context.grantPermissions(['notifications'], { origin });
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { __shown: typeof shown }).__shown = shown;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          shown.push({ title, body: options?.body ?? '' });
          super(title, options);
        }
        static override get permission(): NotificationPermission {
          return Real.permission;
        }
      }
      window.Notification = Recorded;
    });
  };
}

export function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(() => [...((window as unknown as { __shown?: Shown[] }).__shown ?? [])]);
}

/** The count next to a navigation entry ('' when none). */
export async function navCount(page: Page, key: string): Promise<number> {
  const text = await page.locator(`.app-nav a[href="#/${key}"] .nav-count`).textContent({ timeout: 500 }).catch(() => null);
  return text === null ? 0 : Number(text.replace(/\D/g, '')) || 0;
}
