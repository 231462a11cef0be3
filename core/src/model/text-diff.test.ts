import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { applyTextChange, diffStrings } from './text-diff.js';

describe('minimal text splice', () => {
  it('keeps the common prefix and suffix', () => {
    expect(diffStrings('hello world', 'hello brave world')).toEqual({ index: 6, deleteCount: 0, insert: 'brave ' });
    expect(diffStrings('abcdef', 'abXYef')).toEqual({ index: 2, deleteCount: 2, insert: 'XY' });
    expect(diffStrings('same', 'same')).toBeNull();
  });

  it('never splits an emoji (surrogate pair)', () => {
    const s = diffStrings('a😀b', 'a😃b');
    expect(s).not.toBeNull();
    expect(s?.insert).toBe('😃');
    expect(s?.deleteCount).toBe(2);
  });

  it('turns any string into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const doc = new Y.Doc();
        const text = doc.getText('t');
        text.insert(0, a);
        applyTextChange(text, b);
        expect(text.toString()).toBe(b);
      }),
    );
  });
});
