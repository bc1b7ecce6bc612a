/** Options of `new MockTracker(options)`. */
export interface MockTrackerOptions {
  /**
   * Seed of the id generator: the same seed gives the same ids in the same order, for tests
   * that compare ids or snapshots. Without it, ids are random UUID v4.
   *
   * @default random ids
   * @example
   * new MockTracker({ seed: 42 })
   */
  seed?: number;
  /**
   * The clock that stamps `createdAt`, `updatedAt` and events.
   *
   * @default () => new Date()
   * @example
   * new MockTracker({ now: () => new Date("2026-01-05T09:00:00Z") })
   */
  now?: () => Date;
  /**
   * Milliseconds every operation waits before it runs, to simulate a network (the same as
   * `tracker.faults.latency("*", ms)`).
   *
   * @default 0
   * @example
   * new MockTracker({ latencyMs: 20 })
   */
  latencyMs?: number;
  /**
   * Called with what an event handler threw; a throwing handler never breaks a write or other
   * handlers.
   *
   * @default emits a process warning
   * @example
   * new MockTracker({ onHandlerError: (error) => console.error("listener failed:", error) })
   */
  onHandlerError?: (error: unknown) => void;
}
