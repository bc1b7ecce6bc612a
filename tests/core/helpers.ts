import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SessionOptions } from "@gadget/core";
import { Tracker } from "@gadget/core";
import type { TrackerAdapter } from "@gadget/core/adapter";
import { demoTracker, type MockTracker } from "@gadget/mock-tracker";

export const DEMO_PROJECT = "Bunny Escape";

/** Every adapter call, by method name and arguments, as the session made them. */
export interface CallLog {
  calls: { method: string; args: unknown[] }[];
  count(method?: string): number;
  reset(): void;
}

/** Wraps an adapter in a Proxy that records every method call, to count requests. */
export function counting<A extends TrackerAdapter>(adapter: A): { adapter: A; log: CallLog } {
  const calls: CallLog["calls"] = [];
  const proxy = new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        calls.push({ method: property, args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const log: CallLog = {
    calls,
    count: (method) => (method ? calls.filter((c) => c.method === method).length : calls.length),
    reset: () => {
      calls.length = 0;
    },
  };
  return { adapter: proxy, log };
}

/**
 * The adapter without its optional batch methods (`createMany`, `queryWithTasks`), so that core's
 * fallbacks for adapters that lack them are what runs.
 */
export function withoutBatchOps<A extends TrackerAdapter>(adapter: A): A {
  const hidden = new Set<PropertyKey>(["createMany", "queryWithTasks"]);
  return new Proxy(adapter, {
    get: (target, property, receiver) => (hidden.has(property) ? undefined : Reflect.get(target, property, receiver)),
    has: (target, property) => !hidden.has(property) && Reflect.has(target, property),
  });
}

/** A session on the demo studio, through a counting proxy (`fallbacks`: without the optional batch methods). */
export async function demoSession(options: { fallbacks?: boolean; session?: SessionOptions } = {}) {
  const mock: MockTracker = demoTracker();
  const { adapter, log } = counting(options.fallbacks ? withoutBatchOps(mock) : mock);
  const tracker = Tracker.connect(adapter, options.session);
  const project = await tracker.projects.get({ name: DEMO_PROJECT });
  log.reset();
  return { mock, tracker, project, log };
}

/** A small file in a fresh temp directory. */
export async function tempFile(name: string, content: string | Uint8Array = "fake movie bytes"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gadget-core-"));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
