// @vitest-environment jsdom
// The settings screen with a fake Electron host: managed settings carry the organisation's badge
// and why they cannot be changed, a memory-only token store says why, and "Restart to update"
// appears only once an update is ready (pushed live) and installs it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ServicesContext } from '../hooks/services-context.js';
import { setBridgeForTests } from '../platform/bridge.js';
import { createWebBridge } from '../platform/web-bridge.js';
import { SettingsScreen } from './SettingsScreen.js';
import { fakeHost } from './test-bridge.js';
import { testServices } from './test-services.js';

const opened: Array<{ destroy(): void }> = [];
afterEach(() => {
  cleanup();
  setBridgeForTests(null);
  for (const s of opened.splice(0)) s.destroy();
});

function renderScreen() {
  const services = testServices('anna');
  opened.push(services);
  return render(
    <ServicesContext value={services}>
      <SettingsScreen />
    </ServicesContext>,
  );
}

const row = (name: string): HTMLElement => screen.getByText(name, { selector: 'dt' }).parentElement as HTMLElement;

describe('SettingsScreen', () => {
  it('badges the settings machine policy sets, and says where the others come from', async () => {
    setBridgeForTests(
      fakeHost({
        settings: {
          relayUrl: { value: 'wss://hearth.corp.example.com', source: 'policy', locked: true },
          autoUpdate: { value: false, source: 'user', locked: false },
          maxAttachmentSizeMb: { value: 50, source: 'policy', locked: true },
        },
      }).bridge,
    );
    renderScreen();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    await screen.findByText('wss://hearth.corp.example.com');

    const relay = row('Server address');
    expect(within(relay).getByText('Managed by your organisation')).toBeTruthy();
    expect(relay.textContent).toContain('cannot be changed here');
    expect(within(row('Largest attachment')).getByText('50 MB')).toBeTruthy();
    expect(within(row('Largest attachment')).getByText('Managed by your organisation')).toBeTruthy();
    expect(within(row('Automatic updates')).getByText('Your setting')).toBeTruthy();
    expect(within(row('Automatic updates')).getByText('No')).toBeTruthy();
    expect(within(row('Update server')).getByText('Default')).toBeTruthy();
    expect(within(row('Update server')).queryByText('Managed by your organisation')).toBeNull();
    expect(screen.getAllByText('Managed by your organisation')).toHaveLength(2);
  });

  it('says the sign-in is kept in memory only, and why', async () => {
    setBridgeForTests(fakeHost({ tokenStorage: { kind: 'memory-only', reason: 'No system keychain (GNOME Keyring or KWallet) is running.' } }).bridge);
    renderScreen();
    const section = (await screen.findByRole('heading', { name: 'Your sign-in on this computer' })).closest('section') as HTMLElement;
    expect(await within(section).findByText(/Kept in memory only/)).toBeTruthy();
    expect(within(section).getByText('Why: No system keychain (GNOME Keyring or KWallet) is running.')).toBeTruthy();
  });

  it('shows "Restart to update" only when an update is ready, and installs it', async () => {
    const host = fakeHost({ update: { state: 'checking' } });
    setBridgeForTests(host.bridge);
    renderScreen();
    const status = await screen.findByText('Checking for updates…');
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();

    act(() => host.pushUpdate({ state: 'downloading', version: '1.2.0', percent: 40 }));
    expect(screen.getByText('Downloading version 1.2.0: 40%.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();

    act(() => host.pushUpdate({ state: 'ready', version: '1.2.0' }));
    expect(screen.getByText('Version 1.2.0 is ready to install.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restart to update' }));
    expect(host.bridge.installUpdate).toHaveBeenCalledTimes(1);

    act(() => host.pushUpdate({ state: 'error', message: 'signature mismatch' }));
    expect(screen.getByText('Could not update: signature mismatch')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();
  });

  it('says when machine policy turned updates off', async () => {
    setBridgeForTests(fakeHost({ update: { state: 'disabled', reason: 'policy' } }).bridge);
    renderScreen();
    expect(await screen.findByText('Automatic updates are turned off by your organisation.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart to update' })).toBeNull();
  });

  it('in the web client says the browser session manages settings and shows the relay only', async () => {
    setBridgeForTests(createWebBridge());
    renderScreen();
    expect(await screen.findByText(/managed by your browser session/)).toBeTruthy();
    expect(within(row('Server address')).getByText('ws://127.0.0.1:9')).toBeTruthy();
    expect(screen.queryByText('Managed by your organisation')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Updates' })).toBeNull();
  });
});
