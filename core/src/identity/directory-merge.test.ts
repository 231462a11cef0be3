import { describe, expect, it } from 'vitest';
import { mergeDirectoryImport } from './directory-merge.js';
import { importDirectory } from './import-directory.js';
import { person } from './test-records.js';

const binu = person({ id: 'binu', email: 'binu.thomas@poll.example', givenName: 'Binu', familyName: 'Thomas' });
const seema = person();

describe('mergeDirectoryImport', () => {
  it('keeps the existing record of a person whose row is refused', () => {
    const merged = mergeDirectoryImport([seema, binu], importDirectory([seema, { ...binu, givenName: 'xXbinuXx', familyName: '' }]));
    expect(merged.records).toContainEqual(binu);
    expect(merged.kept).toEqual(['binu']);
    expect(merged.departed).toEqual([]);
  });

  it('marks people missing from the import as left, never removes them', () => {
    const merged = mergeDirectoryImport([seema, binu], importDirectory([seema]));
    expect(merged.records).toContainEqual({ ...binu, status: 'left' });
    expect(merged.departed).toEqual(['binu']);
    expect(mergeDirectoryImport(merged.records, importDirectory([seema])).departed).toEqual([]);
  });

  it('marks nobody as left when a refused row had no readable id (it may have been anyone)', () => {
    const merged = mergeDirectoryImport([seema, binu], importDirectory([seema, { email: 'x@poll.example' }]));
    expect(merged.records).toContainEqual(binu);
    expect(merged.departuresSkipped).toBe('refused-row-without-id');
  });

  it('applies accepted changes and new people, and lists what changed', () => {
    const merged = mergeDirectoryImport([seema], importDirectory([{ ...seema, title: 'Director' }, binu]));
    expect(merged.records.find((r) => r.id === 'seema')?.title).toBe('Director');
    expect(merged.changed.sort()).toEqual(['binu', 'seema']);
  });

  it('a duplicate row of an accepted person does not count as a kept record', () => {
    const merged = mergeDirectoryImport([seema], importDirectory([seema, { ...seema, email: 'other@poll.example' }]));
    expect(merged.kept).toEqual([]);
  });
});
