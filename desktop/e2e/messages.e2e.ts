// Direct conversations: rajesh starts one with binu; it appears on binu's side (the relay lists the
// conversation in binu's inbox and publishes the message into the dm room).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { E2E } from './fixture.js';
import { MessagesPage } from './pages/messages-page.js';

const e2e = new E2E();
beforeAll(() => e2e.start());
afterAll(() => e2e.stop());

describe('direct messages', () => {
  it('reach the colleague they are sent to', async () => {
    const rajesh = await e2e.signIn('rajesh');
    const binu = await e2e.signIn('binu');
    const body = `Can we look at the dashboard together? ${Date.now()}`;
    const r = new MessagesPage(rajesh.page);
    await r.open();
    await r.start(['Binu Thomas'], body);
    await r.message(body).waitFor();

    const b = new MessagesPage(binu.page);
    await b.open();
    await b.conversationWith('Rajesh Kumar').waitFor({ timeout: 30_000 });
    await b.conversationWith('Rajesh Kumar').locator('button').first().click();
    await b.message(body).waitFor({ timeout: 30_000 });
  });
});
