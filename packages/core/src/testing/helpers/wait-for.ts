import { TimeoutError } from "../../errors.js";

/** Options of `waitFor()`. */
export interface WaitForOptions {
  /**
   * How long to keep polling before giving up with a TimeoutError.
   *
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Pause between two polls.
   *
   * @default 20
   */
  intervalMs?: number;
  /**
   * What is awaited, for the error message.
   *
   * @default "the condition"
   * @example
   * what: "shot:new for sh0010"
   */
  what?: string;
}

/**
 * Polls `predicate` until it returns something other than `undefined`, `null` or `false`, and
 * returns that. A bounded wait for asynchronous delivery (events over a socket), not a timing check.
 *
 * @example
 * const event = await waitFor(() => events.find((e) => e.name === "shot:new"), { timeoutMs: 5000 });
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const { timeoutMs = 5000, intervalMs = 20, what = "the condition" } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline) throw TimeoutError.waiting(what, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
