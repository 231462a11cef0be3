// The order in which the relay judges one person's outbox entries. Why not simply by id: ids are
// ULIDs of the writing device's clock, so a comment written on a laptop whose clock runs behind, or in
// the same millisecond as its post, can sort before the post it answers. Judged first it would be
// refused (`post-not-found`) although the post is right there in the same outbox — a loss the
// author never caused. So: acknowledgements first (posts written offline before the acknowledgement
// must not wait), then every entry after the entries of the same outbox it names, else by id.
import type { OutboxEntry } from './types.js';

/** Every string the entry carries in a top-level field (post, replyTo, comment, target…). */
function referencedIds(entry: OutboxEntry): string[] {
  const refs: string[] = [];
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'id' && typeof value === 'string') refs.push(value);
  }
  return refs;
}

/** `entries` (ordered by id) reordered so no entry comes before an entry of this outbox it refers to. */
export function judgementOrder(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const byId = new Map(entries.map((e) => [e.id as string, e]));
  const done = new Set<string>();
  const ordered: OutboxEntry[] = [];
  // Depth-first, dependencies first, with an explicit stack: a crafted outbox may chain thousands of
  // entries, deeper than the call stack. `done` is set when an entry is first reached, so a cycle
  // (only a crafted outbox can make one) ends instead of looping, and each entry is placed once.
  const place = (root: OutboxEntry): void => {
    if (done.has(root.id)) return;
    done.add(root.id);
    const stack: { entry: OutboxEntry; deps: string[] }[] = [{ entry: root, deps: referencedIds(root) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.deps.pop();
      if (next === undefined) {
        ordered.push(top.entry);
        stack.pop();
        continue;
      }
      const dep = byId.get(next);
      if (dep === undefined || done.has(dep.id)) continue;
      done.add(dep.id);
      stack.push({ entry: dep, deps: referencedIds(dep) });
    }
  };
  for (const e of entries) if (e.type === 'ack') place(e);
  for (const e of entries) place(e);
  return ordered;
}
