import { describe, expect, it } from 'vitest';
import { importDirectory } from './import-directory.js';
import { person } from './test-records.js';

describe('importDirectory', () => {
  it('accepts good records and refuses each bad one with its own reason', () => {
    const records: unknown[] = [
      person(),
      person({ id: 'binu', email: 'binu.thomas@poll.example', givenName: 'Binu', familyName: 'Thomas', manager: 'seema' }),
      person({ id: 'support', email: 'support@poll.example', givenName: 'IT', familyName: 'Support' }),
      { id: 'ghost' },
      42,
      person({ id: 'seema', email: 'other@poll.example' }),
      person({ id: 'seema2', email: 'SEEMA.NAIR@poll.example' }),
      person({ id: 'gamer', email: 'gamer@poll.example', givenName: 'xXgamerXx', familyName: '' }),
    ];
    const r = importDirectory(records);
    expect(r.accepted.map((p) => p.id)).toEqual(['seema', 'binu']);
    expect(r.refused.map(({ index, id, reason }) => ({ index, id, reason }))).toEqual([
      { index: 2, id: 'support', reason: 'role-account' },
      { index: 3, id: 'ghost', reason: 'schema' },
      { index: 4, id: undefined, reason: 'schema' },
      { index: 5, id: 'seema', reason: 'duplicate-id' },
      { index: 6, id: 'seema2', reason: 'duplicate-email' },
      { index: 7, id: 'gamer', reason: 'handle' },
    ]);
    expect(r.refused[0]?.message).toMatch(/Record 3 \(support\)/);
    expect(r.refused[2]).not.toHaveProperty('id');
    expect(r.warnings).toEqual([]);
  });

  it('warns about a manager who is not in the batch but keeps the record', () => {
    const r = importDirectory([person({ manager: 'eleanor' })]);
    expect(r.accepted).toHaveLength(1);
    expect(r.warnings).toMatchObject([{ index: 0, id: 'seema', reason: 'unknown-manager' }]);
  });
});
