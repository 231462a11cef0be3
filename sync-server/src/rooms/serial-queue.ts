// Runs tasks one after another. Why: a room's document, its log and its broadcasts must see every
// change in the same order; storage is asynchronous behind its interface, so each room serialises
// apply → store → broadcast through one queue.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  get idle(): boolean {
    return this.pending === 0;
  }

  run<T>(task: () => T | Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }
}
