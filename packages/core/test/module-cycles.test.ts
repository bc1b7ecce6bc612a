import { describe, expect, test, vi } from "vitest";

// Regression: collection.ts imported the entity classes, which import TaskCollection, which extends
// Collection: loading collection.ts first threw "Class extends value undefined". Every entry
// module must load first in a fresh module graph.
const entries = [
  "../src/collections/collection.js",
  "../src/collections/task-collection.js",
  "../src/collections/comment-collection.js",
  "../src/model/project.js",
  "../src/model/shot.js",
  "../src/model/task.js",
  "../src/model/classes.js",
  "../src/session/tracker.js",
  "../src/session/context.js",
  "../src/publish/publish.js",
  "../src/index.js",
];

describe("module cycles", () => {
  test.each(entries)("collection modules load when %s is imported first", async (entry) => {
    vi.resetModules();
    const loaded = (await import(entry)) as Record<string, unknown>;
    expect(Object.keys(loaded).length).toBeGreaterThan(0);
    const { TaskCollection } = await import("../src/collections/task-collection.js");
    const { Collection } = await import("../src/collections/collection.js");
    expect(TaskCollection.prototype).toBeInstanceOf(Collection);
  });
});
