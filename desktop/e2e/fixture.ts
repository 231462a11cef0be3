// Shared set-up for an end-to-end file: one relay, one browser, people signed in on demand.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPerson } from './browser.js';
import { startRelay, type RunningRelay } from './relay.js';
import { AppPage } from './pages/app-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface Signed {
  context: BrowserContext;
  page: Page;
  app: AppPage;
}

/** Display names of the demo people the tests use (from assets/demo/directory.json). */
export const NAMES: Record<string, string> = { rajesh: 'Rajesh Kumar', binu: 'Binu Thomas', seema: 'Seema Nair', ciaran: 'Ciarán Ó Súilleabháin' };

export class E2E {
  relay!: RunningRelay;
  browser!: Browser;
  private contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.relay = await startRelay();
    this.browser = await launchBrowser();
  }

  /**
   * `tour: true` shows the first-run tour, which every other test has switched off (browser.ts).
   * `prepare` runs on the fresh profile before the first page opens (permissions, init scripts).
   */
  async signIn(person: string, opts: { tour?: boolean; prepare?: (context: BrowserContext) => Promise<void> } = {}): Promise<Signed> {
    const context = await newPerson(this.browser, { ...(opts.tour !== undefined ? { tour: opts.tour } : {}) });
    this.contexts.push(context);
    await opts.prepare?.(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${person}] pageerror`, e.message));
    const signIn = new SignInPage(page);
    await signIn.open(this.relay.httpUrl);
    await signIn.signInAs(NAMES[person] ?? person);
    const app = new AppPage(page);
    await app.waitOnline();
    return { context, page, app };
  }

  async stop(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await this.relay?.stop();
  }
}
