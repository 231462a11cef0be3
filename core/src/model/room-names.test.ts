import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName } from './room-names.js';
import type { RoomName } from './types.js';

describe('room names', () => {
  const rooms: [RoomName, string][] = [
    [{ kind: 'outbox', person: 'ana.lima' }, 'outbox/ana.lima'],
    [{ kind: 'inbox', person: '01J9ZQ3X7Q8K2M4N6P8R0T2V4W' }, 'inbox/01J9ZQ3X7Q8K2M4N6P8R0T2V4W'],
    [{ kind: 'space', space: 'media-wing' }, 'space/media-wing'],
    [{ kind: 'bucket', space: 'media-wing', bucket: '2026-11' }, 'space/media-wing/2026-11'],
    [{ kind: 'dm', conversation: '01J9ZQ3X7Q8K2M4N6P8R0T2V4W' }, 'dm/01J9ZQ3X7Q8K2M4N6P8R0T2V4W'],
    [{ kind: 'directory' }, 'directory'],
    [{ kind: 'policy' }, 'policy'],
    [{ kind: 'spaces' }, 'spaces'],
  ];

  it.each(rooms)('round-trips %o', (room, name) => {
    expect(roomName(room)).toBe(name);
    expect(parseRoomName(name)).toEqual(room);
  });

  it.each([
    '',
    'outbox',
    'outbox/',
    'outbox/ana/extra',
    'outbox/../inbox/ana',
    'outbox/.hidden',
    'outbox/-x',
    'space/media wing',
    'space/' + 'a'.repeat(65),
    'Space/media-wing',
    'directory/',
    '/directory',
    'moderation/x',
    'outbox/ana%2Fbob',
    'space/media-wing/2026-13',
    'space/media-wing/26-11',
    'space/media-wing/2026-11/x',
    'space/media-wing/',
    'space//2026-11',
    'space/../2026-11',
    'dm/c1/2026-11',
  ])('refuses %j', (name) => {
    expect(parseRoomName(name)).toBeNull();
  });

  it('accepts an id of exactly 64 characters', () => {
    expect(parseRoomName('space/' + 'a'.repeat(64))).toEqual({ kind: 'space', space: 'a'.repeat(64) });
  });
});
