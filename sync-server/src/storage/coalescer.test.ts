import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.js';

/** A statement that answers each request with itself doubled, after `release` is called. */
function doubling() {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  const coalescer = new Coalescer<number, number>(
    async (requests) => {
      batches.push([...requests]);
      await new Promise<void>((r) => (release = r));
      return requests.map((n) => n * 2);
    },
    { max: 3 },
  );
  return { coalescer, batches, release: () => release() };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('sends a lone request at once, and groups the requests made while it runs into the next statement', async () => {
    const { coalescer, batches, release } = doubling();
    const first = coalescer.ask(1);
    await turn();
    expect(batches).toEqual([[1]]);
    const later = [coalescer.ask(2), coalescer.ask(3)];
    await turn();
    expect(batches).toHaveLength(1); // they wait for the running statement
    release();
    await turn();
    expect(batches).toEqual([[1], [2, 3]]);
    release();
    expect(await first).toBe(2);
    expect(await Promise.all(later)).toEqual([4, 6]);
  });

  it('puts at most `max` requests in one statement', async () => {
    const { coalescer, batches, release } = doubling();
    const answers = Promise.all([1, 2, 3, 4, 5].map((n) => coalescer.ask(n)));
    for (let i = 0; i < 2; i++) {
      await turn();
      release();
    }
    expect(await answers).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('never puts two requests with one key in a statement', async () => {
    const batches: string[][] = [];
    const coalescer = new Coalescer<string, string>(
      async (names) => {
        batches.push([...names]);
        return names.map((n) => n.toUpperCase());
      },
      { max: 10, keyOf: (n) => n },
    );
    expect(await Promise.all(['a', 'b', 'a', 'c'].map((n) => coalescer.ask(n)))).toEqual(['A', 'B', 'A', 'C']);
    expect(batches).toEqual([['a', 'b'], ['a', 'c']]);
  });

  it("fails every request of a failed statement with its error, and the next statement's requests still succeed", async () => {
    let fail = true;
    const coalescer = new Coalescer<number, number>(
      async (requests) => {
        if (fail) {
          fail = false;
          throw new Error('connection reset');
        }
        return requests.map((n) => n + 1);
      },
      { max: 10 },
    );
    const failed = [coalescer.ask(1), coalescer.ask(2)];
    await expect(failed[0]).rejects.toThrow('connection reset');
    await expect(failed[1]).rejects.toThrow('connection reset');
    expect(await coalescer.ask(3)).toBe(4);
  });
});
