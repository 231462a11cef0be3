import { describe, expect, it } from 'vitest';
import { SUPPRESSED, toCsv } from './csv.js';

describe('figures CSV', () => {
  const columns = [
    { key: 'space', label: 'Space', value: (r: { space: string; posts: number | null }) => r.space },
    { key: 'posts', label: 'Posts', value: (r: { space: string; posts: number | null }) => r.posts },
  ];

  it('quotes what needs quoting and names suppressed figures', () => {
    expect(toCsv(columns, [{ space: 'Sales, "EMEA"', posts: 12 }, { space: 'Tiny', posts: null }])).toBe(`Space,Posts\r\n"Sales, ""EMEA""",12\r\nTiny,${SUPPRESSED}`);
  });

  it('a space name that looks like a formula cannot run in a spreadsheet', () => {
    expect(toCsv(columns, [{ space: '=HYPERLINK("http://x")', posts: 5 }])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
