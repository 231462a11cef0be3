import { describe, expect, it } from 'vitest';
import { parseDirectoryRecord } from './directory-schema.js';
import { person } from './test-records.js';

describe('parseDirectoryRecord', () => {
  it('accepts a valid record and normalises names', () => {
    const r = parseDirectoryRecord({ ...person(), givenName: '  Jose\u0301 ', preferredGivenName: '' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record.givenName).toBe('José');
      expect(r.record.preferredGivenName).toBeUndefined();
    }
  });

  it('drops fields it does not know', () => {
    const r = parseDirectoryRecord({ ...person(), displayName: 'The Boss' });
    expect(r.ok && 'displayName' in r.record).toBe(false);
  });

  const invalid: [string, unknown, string][] = [
    ['not an object', 'seema', '(record)'],
    ['uppercase id', { ...person(), id: 'Seema' }, 'id'],
    ['reserved mass-mention id', { ...person(), id: 'all' }, 'id'],
    ['bad e-mail', { ...person(), email: 'seema' }, 'email'],
    ['unknown role', { ...person(), roles: ['employee', 'king'] }, 'roles.1'],
    ['no roles', { ...person(), roles: [] }, 'roles'],
    ['role twice', { ...person(), roles: ['employee', 'employee'] }, 'roles'],
    ['unknown status', { ...person(), status: 'retired' }, 'status'],
    ['lowercase country', { ...person(), country: 'gb' }, 'country'],
    ['own manager', { ...person(), manager: 'seema' }, 'manager'],
    ['missing family name field', { ...person(), familyName: undefined }, 'familyName'],
    ['empty title', { ...person(), title: ' ' }, 'title'],
  ];
  it.each(invalid)('refuses %s with the path of the problem', (_label, input, path) => {
    const r = parseDirectoryRecord(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
});
