// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { AppShell } from './AppShell.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { StorageErrorBanner } from './StorageErrorBanner.js';

afterEach(cleanup);

describe('AppShell', () => {
  it('offers a skip link, landmarks and the navigation with the inbox count', () => {
    const onNavigate = vi.fn();
    render(
      <AppShell current="home" onNavigate={onNavigate} inboxUnread={3} me={{ name: 'Anna Berg' }} connection={<ConnectionStatus state="online" unsavedCount={0} />}>
        <h1>Home</h1>
      </AppShell>,
    );
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent?.replace(/\d+$/, ''))).toHaveLength(8);
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    const inbox = within(nav).getByRole('link', { name: /^Inbox\s*, 3 unread$/ });
    fireEvent.click(inbox);
    expect(onNavigate).toHaveBeenCalledWith('inbox');
  });
});

describe('ConnectionStatus', () => {
  it('says how many changes are not yet on the server while offline', () => {
    const onRetry = vi.fn();
    render(<ConnectionStatus state="offline" unsavedCount={2} onRetry={onRetry} />);
    expect(screen.getByRole('status').textContent).toContain('Offline');
    expect(screen.getByRole('status').textContent).toContain('2 changes not yet saved to server');
    fireEvent.click(screen.getByRole('button', { name: 'Try now' }));
    expect(onRetry).toHaveBeenCalled();
  });
});

describe('StorageErrorBanner', () => {
  it('explains a full disk and what to do, as an alert', () => {
    render(<StorageErrorBanner problem="quota" unwrittenCount={1} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('out of storage space');
    expect(alert.textContent).toContain('Free some disk space');
    expect(alert.textContent).toContain('1 change is only in memory');
  });
});
