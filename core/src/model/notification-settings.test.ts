import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OUTBOX_SETTINGS } from './doc-layout.js';
import { inQuietHours, readNotificationSettings, setConversationMuted, setQuietHours, setSpaceNotifyLevel, spaceNotifyLevel, SettingsWriteError } from './notification-settings.js';
import { syncAll } from './test-sync.js';

describe('notification settings in the outbox', () => {
  it('two devices that change different spaces offline both keep their change', () => {
    const laptop = new Y.Doc();
    const desktop = new Y.Doc();
    setSpaceNotifyLevel(laptop, 'general', 'none');
    setSpaceNotifyLevel(desktop, 'media-wing', 'all');
    setConversationMuted(desktop, '01JD00000000000000000000AA', true);
    setQuietHours(laptop, { start: '22:00', end: '07:00' });
    syncAll(laptop, desktop);
    for (const doc of [laptop, desktop]) {
      expect(readNotificationSettings(doc)).toEqual({ spaces: { general: 'none', 'media-wing': 'all' }, muted: ['01JD00000000000000000000AA'], quietHours: { start: '22:00', end: '07:00' } });
    }
    expect(spaceNotifyLevel(readNotificationSettings(laptop), 'news')).toBe('mentions');
  });

  it('unmuting, and junk written by a modified client, read as not set', () => {
    const doc = new Y.Doc();
    setConversationMuted(doc, 'c1', true);
    setConversationMuted(doc, 'c1', false);
    const map = doc.getMap(OUTBOX_SETTINGS);
    map.set('notify.space:general', 'loud');
    map.set('notify.space:../x', 'none');
    map.set('notify.quietHours', { start: '25:00', end: '07:00' });
    expect(readNotificationSettings(doc)).toEqual({ spaces: {}, muted: [], quietHours: null });
  });

  it('refuses to write what it could not read back', () => {
    expect(() => setQuietHours(new Y.Doc(), { start: '7am', end: '9am' })).toThrow(SettingsWriteError);
    expect(() => setSpaceNotifyLevel(new Y.Doc(), 'general', 'loud' as never)).toThrow(SettingsWriteError);
  });

  it('quiet hours across midnight and within a day', () => {
    const night = { start: '22:00', end: '07:00' };
    expect([21 * 60 + 59, 22 * 60, 3 * 60, 7 * 60].map((m) => inQuietHours(night, m))).toEqual([false, true, true, false]);
    const lunch = { start: '12:00', end: '13:00' };
    expect([11 * 60, 12 * 60 + 30, 13 * 60].map((m) => inQuietHours(lunch, m))).toEqual([false, true, false]);
    expect(inQuietHours(null, 0)).toBe(false);
  });
});
