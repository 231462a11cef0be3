// A few lanes of publication work, shared fairly. Why: one person's backlog (thousands of entries
// written at once) used to be judged in one go while everyone else's new posts waited behind it.
// A pass now holds a lane only for a bounded slice of entries, then gives it up and queues again
// behind whoever is waiting — round-robin across people — with a turn of the event loop in between
// so that sockets and /healthz are served. Several lanes keep storage writes of different people
// overlapping (they share commits, see storage/sqlite-storage.ts).
export class FairLanes {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(lanes: number) {
    this.free = lanes;
  }

  /** Resolves once a lane is this caller's; first come, first served. */
  acquire(): Promise<void> {
    if (this.free > 0 && this.waiting.length === 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // Handed over after a turn of the event loop: I/O waiting meanwhile is served first.
    if (next !== undefined) setImmediate(next);
    else this.free++;
  }

  /** Whether someone waits for a lane (a pass that yields now hands its lane over). */
  get contended(): boolean {
    return this.waiting.length > 0;
  }

  /** Gives the lane to the next in line and queues behind everyone already waiting. */
  async yield(): Promise<void> {
    if (this.waiting.length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    this.release();
    await this.acquire();
  }
}
