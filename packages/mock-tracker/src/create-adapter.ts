import { readFile } from "node:fs/promises";
import type { AdapterOptions, MockConfig, TrackerAdapter } from "@gadget/core/adapter";
import { ConfigError } from "@gadget/core/adapter";
import { logCalls } from "./call-log.js";
import { MockTracker } from "./mock-tracker.js";
import { demoTracker } from "./seeds/demo.js";

/** Loads a snapshot file; unreadable or malformed is a ConfigError naming the first problem. */
export async function trackerFromSnapshotFile(file: string): Promise<MockTracker> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw ConfigError.snapshot(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, error);
  }
  try {
    return MockTracker.fromSnapshot(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid studio snapshot: /, "") : String(error);
    throw ConfigError.snapshot(file, message.replace(/\.$/, ""), error);
  }
}

/**
 * The `AdapterModule` entry core's registry calls for `TRACKER_TYPE=mock`: what a fresh Kitsu
 * holds, an empty store (`bare`), the built-in `demo`, or a snapshot file written by
 * `tracker.snapshot()`. With `options.logger`, every adapter call is logged once the seed is in.
 */
export async function createAdapter(config: MockConfig, options: AdapterOptions = {}): Promise<TrackerAdapter> {
  const tracker = await seeded(config);
  if (options.logger) logCalls(tracker, options.logger);
  return tracker;
}

async function seeded(config: MockConfig): Promise<MockTracker> {
  if (config.seed === undefined) return new MockTracker();
  if (config.seed === "bare") return new MockTracker({ bare: true });
  if (config.seed === "demo") return demoTracker();
  return trackerFromSnapshotFile(config.seed);
}
