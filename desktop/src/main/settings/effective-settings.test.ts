import { describe, expect, it } from 'vitest';
import { effectiveSettings, managedConfigOf, mayChange } from './effective-settings.js';

describe('precedence: machine policy, then user settings, then defaults', () => {
  it('policy wins over the person and is shown as managed and locked', () => {
    const view = effectiveSettings({ relayUrl: 'wss://corp', autoUpdate: false }, { relayUrl: 'wss://mine', autoUpdate: true });
    expect(view.relayUrl).toEqual({ value: 'wss://corp', source: 'policy', locked: true });
    expect(view.autoUpdate).toEqual({ value: false, source: 'policy', locked: true });
    expect(mayChange(view, 'relayUrl')).toBe(false);
    expect(managedConfigOf(view)).toEqual({ relayUrl: 'wss://corp', relayLocked: true });
  });

  it('the person’s setting wins over the default', () => {
    const view = effectiveSettings({}, { relayUrl: 'wss://mine', autoUpdate: false });
    expect(view.relayUrl).toEqual({ value: 'wss://mine', source: 'user', locked: false });
    expect(view.autoUpdate).toEqual({ value: false, source: 'user', locked: false });
    expect(managedConfigOf(view)).toEqual({ relayLocked: false });
  });

  it('defaults apply when nobody set anything; IT-only settings are not the person’s to change', () => {
    const view = effectiveSettings({}, {});
    expect(view.autoUpdate).toEqual({ value: true, source: 'default', locked: false });
    expect(view.maxAttachmentSizeMb).toEqual({ value: 25, source: 'default', locked: true });
    expect(view.allowPlainTextTokenStorage.value).toBe(false);
    expect(mayChange(view, 'updateUrl')).toBe(false);
  });

  it('a policy relay with AllowRelayChange is only a suggestion the person may replace', () => {
    const suggested = effectiveSettings({ relayUrl: 'wss://corp', allowRelayChange: true }, {});
    expect(suggested.relayUrl).toEqual({ value: 'wss://corp', source: 'policy', locked: false });
    const replaced = effectiveSettings({ relayUrl: 'wss://corp', allowRelayChange: true }, { relayUrl: 'wss://branch' });
    expect(replaced.relayUrl).toEqual({ value: 'wss://branch', source: 'user', locked: false });
    expect(managedConfigOf(suggested)).toEqual({ relayUrl: 'wss://corp', relayLocked: false });
  });

  it('ignores user values for settings only IT may set', () => {
    const view = effectiveSettings({}, { updateUrl: 'https://evil' } as never);
    expect(view.updateUrl).toEqual({ value: null, source: 'default', locked: true });
  });
});
