import type { EventRecord } from "@gadget/core/adapter";
import { expect, it } from "vitest";
import { MockTracker } from "../src/index.js";

it("project:update carries the project id in its data, as Kitsu's does (the mock sent {})", async () => {
  const tracker = new MockTracker();
  const project = await tracker.create("project", { name: "Events", productionType: "short" });
  const person = await tracker.create("person", { firstName: "Ada", lastName: "Byron" });
  const seen: EventRecord[] = [];
  tracker.subscribe((e) => seen.push(e));
  await tracker.update("project", project.id, { description: "changed" });
  await tracker.addTeamMember(project.id, person.id);
  expect(seen.filter((e) => e.name === "project:update").map((e) => e.data)).toEqual([
    { projectId: project.id },
    { projectId: project.id },
  ]);
});
