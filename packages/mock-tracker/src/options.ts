import type { RequestLogger, RuleOverrides } from "@gadget/core/adapter";

/** Options of `new MockTracker(options)`. */
export interface MockTrackerOptions {
  /**
   * Where this tracker's rules differ from core's defaults (Kitsu's): the mock enforces the merged
   * rules and states these overrides as its adapter `rules`, as a tracker adapter would.
   *
   * @default undefined (Kitsu's rules, `defaultRules`)
   * @example
   * new MockTracker({ rules: { asset: { unique: [] } } }) // duplicate asset names allowed
   */
  rules?: RuleOverrides;
  /**
   * Start with an empty store. By default a new mock holds what a fresh Kitsu holds after
   * `zou init-data` and `zou create-admin`: 6 departments, 12 task types, 6 task statuses, 4 asset
   * types and the admin "Super Admin" (admin@example.com), the person the session acts as (the
   * author of comments posted without one). A bare studio has no person to act as: its comments
   * have no author unless one is given. `TRACKER_MOCK_SEED=bare` is the same from the environment.
   *
   * @default false (what a fresh Kitsu holds)
   * @example
   * new MockTracker({ bare: true })
   */
  bare?: boolean;
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
  /**
   * Receives one line per adapter call, in the Kitsu adapter's request-log format with the
   * operation as the method and the kind as the route: `gadget:mock query shot ok 0ms attempt=1`.
   * `Tracker.fromEnv` on `TRACKER_TYPE=mock` logs the same way (its `logger`, or stderr under `GADGET_DEBUG=1`).
   *
   * @default undefined (nothing is logged)
   * @example
   * new MockTracker({ logger: { debug: (line) => process.stderr.write(`${line}\n`) } })
   */
  logger?: RequestLogger;
}
