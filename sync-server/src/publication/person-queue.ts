// One outbox is processed by one task at a time. Why: an outbox's entries depend on each other
// (a comment on one's own post just written, an acknowledgement releasing waiting posts), and
// version numbers are assigned from the stored state, so two concurrent passes over the same
// outbox could assign the same version twice. Passes for different people run concurrently.
export class PersonQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  /** Run `task` for `person` after any pass already running; coalesce bursts into one more pass. */
  schedule(person: string, task: () => Promise<void>): Promise<void> {
    const running = this.tails.get(person);
    if (running) {
      if (this.again.has(person)) return running;
      this.again.add(person);
    }
    const next = (running ?? Promise.resolve())
      .then(() => {
        this.again.delete(person);
        return task();
      })
      .finally(() => {
        if (this.tails.get(person) === next) this.tails.delete(person);
      });
    this.tails.set(person, next);
    return next;
  }

  /** Resolves once every scheduled pass has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }
}
