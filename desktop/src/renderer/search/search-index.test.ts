import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.js';
import type { SearchDoc } from './search-protocol.js';

const doc = (id: string, title: string, text: string): SearchDoc => ({ id, kind: 'post', title, text, context: '', route: '#/' });

describe('SearchIndex', () => {
  it('finds by prefix as you type, across sources', () => {
    const index = new SearchIndex();
    index.replaceSource('space/a', [doc('post:1', 'Quarterly roadmap', 'We plan the launch')]);
    index.replaceSource('directory', [{ ...doc('person:binu', 'Binu Thomas', 'Engineer'), kind: 'person' }]);
    expect(index.query('roadm').hits.map((h) => h.id)).toEqual(['post:1']);
    expect(index.query('binu').hits[0]?.kind).toBe('person');
  });

  it('shows snippets as plain text, not Markdown', () => {
    const index = new SearchIndex();
    index.replaceSource('space/a', [doc('post:1', 'Numbers', '## Q3\n\nThe **dashboard** is [here](https://intranet.example/d) — see `C:\\Reports\\q3.xlsx`.\n\n- one\n- two')]);
    expect(index.query('dashboard').hits[0]?.text).toBe('Q3 The dashboard is here — see C:\\Reports\\q3.xlsx. one two');
  });

  it('re-indexes only what changed and forgets what left a source', () => {
    const index = new SearchIndex();
    index.replaceSource('s', [doc('post:1', 'alpha', ''), doc('post:2', 'beta', '')]);
    index.replaceSource('s', [doc('post:1', 'gamma', '')]);
    expect(index.size).toBe(1);
    expect(index.query('alpha').total).toBe(0);
    expect(index.query('gamma').total).toBe(1);
    expect(index.query('beta').total).toBe(0);
  });
});

describe('SearchIndex under churn', () => {
  it('keeps answering while sources are replaced again and again', () => {
    const index = new SearchIndex();
    for (let round = 0; round < 5; round++) {
      const word = ['apple', 'mango', 'peach', 'lemon', 'grape'][round]!;
      const docs = Array.from({ length: 2000 }, (_, i) => doc(`post:${i}`, `title ${i} ${word}`, `body ${i}`));
      index.replaceSource('s', docs);
      index.replaceSource('t', docs.slice(0, 100).map((d) => ({ ...d, id: `t:${d.id}` })));
    }
    expect(index.query('grape').total).toBe(2100);
    expect(index.query('lemon').total).toBe(0);
  });

  it('finds questions that look like a new one, asked in other words, and only questions', () => {
    const index = new SearchIndex();
    const question = (id: string, title: string): SearchDoc => ({ ...doc(id, title, ''), tags: ['question'] });
    index.replaceSource('space/a', [
      question('post:1', 'Where do I find the VPN setup guide?'),
      question('post:2', 'Expense claims for train tickets'),
      doc('post:3', 'VPN maintenance tonight', 'The VPN is down from 22:00.'),
    ]);
    expect(index.similar('How can I set up the VPN at home?', 'question').hits.map((h) => h.id)).toEqual(['post:1']);
    expect(index.similar('how do I', 'question').hits).toEqual([]);
  });
});
