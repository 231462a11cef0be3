// @vitest-environment jsdom
// Sign-in under machine policy: a relay address IT locked is shown, read-only, with a note, and is
// the address sign-in uses; a suggested one is only where the field starts; the web client keeps
// this page's own server as the default.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sessionState } from '../sync/session.js';
import { setBridgeForTests } from '../platform/bridge.js';
import { createWebBridge } from '../platform/web-bridge.js';
import { SignInScreen } from './SignInScreen.js';
import { fakeHost } from './test-bridge.js';

beforeEach(() => {
  localStorage.clear();
  // No relay in tests: the demo people list stays empty.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
});
afterEach(() => {
  cleanup();
  setBridgeForTests(null);
  vi.unstubAllGlobals();
});

describe('SignInScreen', () => {
  it('shows a relay address locked by machine policy read-only, with "Set by your organisation"', async () => {
    localStorage.setItem('hearth.relayUrl', 'ws://remembered.example');
    setBridgeForTests(fakeHost({ managed: { relayUrl: 'wss://hearth.corp.example.com', relayLocked: true } }).bridge);
    render(<SignInScreen expired={false} />);
    const field = (await screen.findByRole('textbox', { name: 'Server address' })) as HTMLInputElement;
    expect(field.value).toBe('wss://hearth.corp.example.com');
    expect(field.readOnly).toBe(true);
    const note = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/^Set by your organisation/);

    // Not editable: typing does nothing, and a change event (as a script would send) is ignored.
    fireEvent.keyDown(field, { key: 'a' });
    fireEvent.change(field, { target: { value: 'ws://elsewhere.example' } });
    expect((screen.getByRole('textbox', { name: 'Server address' }) as HTMLInputElement).value).toBe('wss://hearth.corp.example.com');
  });

  it('starts from a suggested (unlocked) relay address, which can be changed', async () => {
    setBridgeForTests(fakeHost({ managed: { relayUrl: 'wss://suggested.example', relayLocked: false } }).bridge);
    render(<SignInScreen expired={false} />);
    const field = (await screen.findByRole('textbox', { name: 'Server address' })) as HTMLInputElement;
    expect(field.value).toBe('wss://suggested.example');
    expect(field.readOnly).toBe(false);
    fireEvent.change(field, { target: { value: 'wss://other.example' } });
    expect(field.value).toBe('wss://other.example');
    expect(screen.queryByText(/Set by your organisation/)).toBeNull();
  });

  it('offers company sign-in when policy names an identity provider, through the host, with the locked relay', async () => {
    const host = fakeHost({
      managed: { relayUrl: 'wss://hearth.corp.example.com', relayLocked: true },
      settings: {
        signInIssuer: { value: 'https://login.corp.example.com', source: 'policy', locked: true },
        signInClientId: { value: 'hearth-desktop', source: 'policy', locked: true },
      },
    });
    const session = { personId: 'anna', token: 'a.b.c', relayUrl: 'wss://hearth.corp.example.com', expiresAt: null };
    host.bridge.signIn.mockResolvedValueOnce({ ok: true, session });
    setBridgeForTests(host.bridge);
    render(<SignInScreen expired={false} />);
    const button = await screen.findByRole('button', { name: 'Sign in with your company account' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(host.bridge.signIn).toHaveBeenCalledWith('wss://hearth.corp.example.com');
    await waitFor(() => expect(sessionState.get()).toMatchObject({ status: 'signed-in', session: { personId: 'anna', demo: false } }));
    expect(host.bridge.saveSession).toHaveBeenCalled();
  });

  it('shows why company sign-in failed, and stays quiet when it was cancelled', async () => {
    const host = fakeHost({
      settings: {
        signInIssuer: { value: 'https://login.corp.example.com', source: 'policy', locked: true },
        signInClientId: { value: 'hearth-desktop', source: 'policy', locked: true },
      },
    });
    host.bridge.signIn
      .mockResolvedValueOnce({ ok: false, reason: 'cancelled', message: 'You closed the window.' })
      .mockResolvedValueOnce({ ok: false, reason: 'timed-out', message: 'The identity provider did not answer.' });
    setBridgeForTests(host.bridge);
    render(<SignInScreen expired={false} />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Server address' }), { target: { value: 'wss://relay.example' } });
    const button = await screen.findByRole('button', { name: 'Sign in with your company account' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => {
      fireEvent.click(button);
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The identity provider did not answer.');
  });

  it('offers no company sign-in without an identity provider', async () => {
    setBridgeForTests(fakeHost({ managed: { relayUrl: 'wss://hearth.corp.example.com', relayLocked: true } }).bridge);
    render(<SignInScreen expired={false} />);
    await screen.findByRole('textbox', { name: 'Server address' });
    await act(async () => {});
    expect(screen.queryByRole('button', { name: 'Sign in with your company account' })).toBeNull();
  });

  it('in the web client starts from this page’s own server', async () => {
    setBridgeForTests(createWebBridge());
    render(<SignInScreen expired={false} />);
    const field = (await screen.findByRole('textbox', { name: 'Server address' })) as HTMLInputElement;
    expect(field.value).toBe(`ws://${location.host}`);
    expect(field.readOnly).toBe(false);
  });
});
