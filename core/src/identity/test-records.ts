// A valid directory record to start test cases from (excluded from the build like other test-*.ts).
import type { DirectoryRecord } from './types.js';

export function person(overrides: Partial<DirectoryRecord> = {}): DirectoryRecord {
  return {
    id: 'seema',
    email: 'seema.nair@poll.example',
    givenName: 'Seema',
    familyName: 'Nair',
    title: 'Employee Communications Lead',
    department: 'Communications',
    location: 'London',
    country: 'GB',
    manager: null,
    roles: ['employee', 'comms', 'moderator'],
    status: 'active',
    ...overrides,
  };
}
