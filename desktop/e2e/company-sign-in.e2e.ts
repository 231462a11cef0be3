// Signing in to the web client with the company identity provider (a real OpenID Connect provider,
// oidc-provider, with its own login and consent pages): Rajesh signs in through the code flow with
// PKCE, posts, has his token renewed silently before it expires, and signs out — at the provider
// too. Someone the company directory does not know is told so on the sign-in screen.
import { createServer } from 'node:net';
import { startIssuer, type TestIssuer } from '@hearth/test-idp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './browser.js';
import { AppPage } from './pages/app-page.js';
import { SpacePage } from './pages/space-page.js';
import { startRelay, type RunningRelay } from './relay.js';

let issuer: TestIssuer;
let relay: RunningRelay;
let browser: Browser;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const page = `http://127.0.0.1:${port}/`;
  // ID tokens live 63 s: the app renews them 60 s before expiry, so a renewal comes within seconds.
  issuer = await startIssuer({
    accounts: { 'rajesh.k': 'rajesh.kumar@poll.example', stranger: 'someone@elsewhere.example' },
    clients: [{ clientId: 'hearth-web', type: 'web', redirectUris: [page] }],
    idTokenTtl: 63,
  });
  relay = await startRelay({ port, args: ['--oidc-issuer', issuer.issuer, '--oidc-web-client', 'hearth-web'] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
  await issuer?.stop();
});

/** The provider's development pages: log in as `account`, then consent. */
async function throughProvider(page: Page, account: string): Promise<void> {
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  await consent.waitFor({ timeout: 15_000 });
  await consent.click();
}

const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('hearth.session') ?? 'null') as { personId: string; token: string } | null);

describe('company sign-in in the web client', () => {
  it('signs in through the provider, posts, renews the token silently, and signs out at the provider too', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(`${relay.httpUrl}/`);
    await page.getByRole('button', { name: /company account/i }).click();
    await throughProvider(page, 'rajesh.k');
    const app = new AppPage(page);
    await page.locator('nav.app-nav').waitFor({ timeout: 30_000 });
    await app.waitOnline();
    expect(page.url()).not.toContain('code=');
    const first = await stored(page);
    expect(first?.personId).toBe('rajesh');

    await app.openSpace('general');
    const title = `Signed in with the company account ${Date.now()}`;
    await new SpacePage(page).writePost(title, 'Posted after signing in through the identity provider.');
    await new SpacePage(page).post(title).waitFor({ timeout: 30_000 });

    // Silent renewal: a new ID token arrives without the person doing anything, and sync stays up.
    await expect.poll(async () => (await stored(page))?.token, { timeout: 40_000, interval: 1000 }).not.toBe(first?.token);
    await app.waitOnline();

    await page.getByRole('button', { name: /sign out/i }).click();
    const yes = page.locator('button[name="logout"]');
    await yes.waitFor({ timeout: 15_000 });
    await yes.click();
    await page.getByRole('button', { name: /company account/i }).waitFor({ timeout: 15_000 });
    expect(await stored(page)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('hearth.company'))).toBeNull();
    await context.close();
  });

  it('tells someone the company directory does not know why they cannot come in', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(`${relay.httpUrl}/`);
    await page.getByRole('button', { name: /company account/i }).click();
    await throughProvider(page, 'stranger');
    await page.getByText(/not in the company directory/i).waitFor({ timeout: 30_000 });
    expect(await stored(page)).toBeNull();
    await context.close();
  });
});
