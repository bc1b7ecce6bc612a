/*
 * A push-to-pull bridge: listeners push events, a `for await` loop pulls them. Events that arrive
 * between two `next()` calls wait in order, so a slow consumer loses nothing.
 */

export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((result: IteratorResult<T, undefined>) => void)[] = [];
  private ended = false;
  private readonly cleanups: (() => void)[] = [];

  /** Number of items waiting to be pulled. */
  get size(): number {
    return this.items.length;
  }

  get done(): boolean {
    return this.ended && this.items.length === 0;
  }

  /** Runs `cleanup` once, when the queue ends (unsubscribe, remove an abort listener). */
  onEnd(cleanup: () => void): void {
    if (this.ended) cleanup();
    else this.cleanups.push(cleanup);
  }

  push(item: T): void {
    if (this.ended) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value: item, done: false });
    else this.items.push(item);
  }

  /** Stops accepting items; with `discard`, drops the ones still waiting (abort), else lets them drain. */
  end(discard = false): void {
    if (discard) this.items.length = 0;
    if (this.ended) return;
    this.ended = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.end(true);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
