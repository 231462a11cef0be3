// Debian's Chromium (the engine Electron embeds), headless, with no background traffic.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh profile with the test hooks switched on (window.__hearth). The first-run tour is switched
 * off (`hearth.tour = off`) unless a test asks for it: it is a modal dialog over the app.
 */
export async function newPerson(browser: Browser, opts: { tour?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('hearth.testHooks', '1'));
  if (opts.tour !== true) await context.addInitScript(() => localStorage.setItem('hearth.tour', 'off'));
  return context;
}
