import { describe, expect, it } from 'vitest';
import { createUserSettingsStore, parseUserSettings } from './user-settings-store.js';

describe('user settings file', () => {
  it('falls back to defaults when the file is damaged or holds wrong values', () => {
    expect(parseUserSettings('{"relayUrl": "wss://relay.example", "autoUpdate": fal')).toEqual({});
    expect(parseUserSettings('{"relayUrl": "javascript:alert(1)"}')).toEqual({});
    expect(parseUserSettings(null)).toEqual({});
  });

  it('keeps what the person set, and drops a setting that is cleared', async () => {
    let text: string | null = null;
    const store = createUserSettingsStore({ read: async () => text, write: async (t) => void (text = t) });
    await store.update({ relayUrl: 'wss://relay.example', autoUpdate: false });
    await store.update({ relayUrl: undefined });
    expect(JSON.parse(text ?? 'null')).toEqual({ autoUpdate: false });
    const reread = createUserSettingsStore({ read: async () => text, write: async () => {} });
    expect(await reread.load()).toEqual({ autoUpdate: false });
  });
});
