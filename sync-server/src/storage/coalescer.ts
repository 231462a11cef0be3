// Many callers' small statements of one kind made as one statement. Why: the publisher runs dozens
// of passes at once, and each began with the same few statements for its own person — take the
// outbox lease, load the outbox, read its records, count the recent posts, let the lease go — one
// round trip each. On PostgreSQL a round trip costs the relay more CPU than the work it carries
// (the driver, the query builder, the socket write), so 400 passes spent most of their time on
// 2,000 statements that 60 would have done.
// How it groups (as the room log's group commit does): a request made while nothing of its kind
// runs starts a batch on the next microtask — no added latency on a quiet relay, and requests made
// in one synchronous run go together; requests made while a batch runs wait for it and go together
// in the next. Each caller gets its own answer; when the statement fails, every request of the
// batch fails with its error (as each would have alone).
export interface CoalescerOptions<Q> {
  /** Requests per batch at most (SQLite caps a statement's bound parameters). */
  max: number;
  /**
   * Requests with the same key never share a batch: the later one goes in the next. For writes
   * that may touch a row once per statement (an upsert on PostgreSQL).
   */
  keyOf?: (request: Q) => string;
}

interface Waiting<Q, A> {
  request: Q;
  resolve: (answer: A) => void;
  reject: (err: unknown) => void;
}

export class Coalescer<Q, A> {
  private waiting: Array<Waiting<Q, A>> = [];
  private running = false;

  /** `run` answers a batch's requests in their order. */
  constructor(
    private readonly run: (requests: readonly Q[]) => Promise<readonly A[]>,
    private readonly options: CoalescerOptions<Q>,
  ) {}

  ask(request: Q): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.running) {
        this.running = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.next();
        try {
          const answers = await this.run(batch.map((w) => w.request));
          batch.forEach((w, i) => w.resolve(answers[i]!));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The oldest waiting requests, at most `max`, stopping before a key already in the batch. */
  private next(): Array<Waiting<Q, A>> {
    const { max, keyOf } = this.options;
    if (keyOf === undefined) return this.waiting.splice(0, max);
    const keys = new Set<string>();
    let n = 0;
    while (n < this.waiting.length && n < max) {
      const key = keyOf(this.waiting[n]!.request);
      if (keys.has(key)) break;
      keys.add(key);
      n++;
    }
    return this.waiting.splice(0, n);
  }
}
