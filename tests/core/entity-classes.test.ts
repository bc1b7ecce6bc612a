import { describe, expect, test, vi } from "vitest";

/*
 * The session never imports an entity class: each class registers itself for its kind when its
 * module loads (`@entity("shot")`), and the session builds entities from that registry. What must
 * hold is that loading a public entry, whichever a tool imports first, registers every kind.
 */

const entries = ["@gadget/core", "@gadget/core/adapter", "@gadget/core/testing"];

/** `taskType` → `TaskType`: the public class of a kind. */
const className = (kind: string): string => `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;

describe("entity classes", () => {
  test.each(entries)("every kind builds its own class when %s is imported first", async (entry) => {
    vi.resetModules();
    await import(entry);
    const core = await import("@gadget/core");
    const { asId, kindNames } = await import("@gadget/core/adapter");
    const { SessionContext } = await import("../../packages/core/src/session/session-context.js");
    const { MockTracker } = await import("@gadget/mock-tracker");
    const adapter = new MockTracker();
    const context = new SessionContext(adapter, core.Tracker.connect(adapter));
    for (const kind of kindNames) {
      const entity = context.materialize(kind, { id: asId(`${kind}-1`) });
      expect(entity.kind).toBe(kind);
      expect(entity).toBeInstanceOf(core[className(kind) as keyof typeof core]);
    }
  });

  test("a kind whose class was never loaded is a ConfigError that names it, not a TypeError", async () => {
    vi.resetModules();
    // The registry alone, as a session module imported without the model would see it.
    const { entityClassOf } = await import("../../packages/core/src/model/meta/registry.js");
    const { ConfigError } = await import("../../packages/core/src/errors.js");
    expect(() => entityClassOf("shot")).toThrow(ConfigError);
    expect(() => entityClassOf("shot")).toThrow(/kind "shot".*"@gadget\/core"/);
  });
});
