import type { TrackerAdapter } from "@gadget/core/adapter";
import { NetworkError, RateLimitError, ServerError, TimeoutError, ValidationError } from "@gadget/core/adapter";
import { mulberry32 } from "./studio/ids.js";

/** A contract method name: what a fault or a latency applies to. */
export type FaultOperation = {
  [K in keyof TrackerAdapter]-?: NonNullable<TrackerAdapter[K]> extends (...args: never[]) => unknown ? K : never;
}[keyof TrackerAdapter];

/** The failure an injected fault raises: the error class a real tracker's adapter would throw. */
export type FaultKind = "network" | "server" | "rateLimit" | "timeout";

const makeError: Record<FaultKind, (operation: string) => Error> = {
  network: (op) => NetworkError.injected(op),
  server: (op) => ServerError.injected(op),
  rateLimit: (op) => RateLimitError.injected(op),
  timeout: (op) => TimeoutError.injected(op),
};

interface Rule {
  operation: FaultOperation;
  kind: FaultKind;
  /** Failures left (failNext), or undefined for a ratio rule. */
  remaining?: number;
  ratio?: number;
  random?: () => number;
}

/** Draws in [0, 1) from a seeded stream, so a test sees the same failures on every run. */
export const seededRandom = (seed: number) => {
  const word = mulberry32(seed);
  return () => word() / 2 ** 32;
};

/**
 * Fault and latency injection for tests: make the next calls of an operation fail, fail a share
 * of them, or slow them down. Faults are checked before the operation writes anything.
 *
 * @example
 * mock.faults.failNext("addPreview", 1, "network");
 * mock.faults.latency("*", 20);
 */
export class Faults {
  private rules: Rule[] = [];
  private readonly delays = new Map<FaultOperation | "*", number>();

  /**
   * The next `count` calls of `operation` fail with an error of `kind`.
   *
   * @param count @default 1
   * @param kind @default "server"
   */
  failNext(operation: FaultOperation, count = 1, kind: FaultKind = "server"): this {
    if (!Number.isInteger(count) || count < 1)
      throw ValidationError.invalidOption("count", count, "a positive integer");
    this.rules.push({ operation, kind, remaining: count });
    return this;
  }

  /**
   * Each call of `operation` fails with probability `ratio`, drawn from a seeded generator so a
   * test sees the same failures on every run.
   *
   * @param kind @default "server"
   * @param seed @default 1
   */
  failRatio(operation: FaultOperation, ratio: number, kind: FaultKind = "server", seed = 1): this {
    if (!(ratio >= 0 && ratio <= 1)) throw ValidationError.invalidOption("ratio", ratio, "a number from 0 to 1");
    this.rules.push({ operation, kind, ratio, random: seededRandom(seed) });
    return this;
  }

  /** Every call of `operation` (or of every operation, `"*"`) waits `ms` first; 0 removes it. */
  latency(operation: FaultOperation | "*", ms: number): this {
    if (!(ms >= 0) || !Number.isFinite(ms))
      throw ValidationError.invalidOption("ms", ms, "a non-negative number of milliseconds");
    if (ms === 0) this.delays.delete(operation);
    else this.delays.set(operation, ms);
    return this;
  }

  /** Removes every fault and latency. */
  clear(): void {
    this.rules = [];
    this.delays.clear();
  }

  /** Called by the tracker at the start of each operation: waits, then maybe throws. */
  async before(operation: FaultOperation): Promise<void> {
    const ms = this.delays.get(operation) ?? this.delays.get("*") ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    for (const rule of this.rules) {
      if (rule.operation !== operation) continue;
      if (rule.remaining !== undefined) {
        if (rule.remaining <= 0) continue;
        rule.remaining -= 1;
        this.rules = this.rules.filter((r) => r.remaining === undefined || r.remaining > 0);
        throw makeError[rule.kind](operation);
      }
      if (rule.random && rule.ratio !== undefined && rule.random() < rule.ratio) throw makeError[rule.kind](operation);
    }
  }
}
