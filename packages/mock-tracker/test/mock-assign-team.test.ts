import type { EventRecord } from "@gadget/core/adapter";
import { expect, it } from "vitest";
import { smallStudio } from "./helpers.js";

it("assign puts the assignee in the project's team and is announced again for a person assigned already, as Zou (the mock did neither)", async () => {
  const { tracker, project, task } = await smallStudio();
  const eve = await tracker.create("person", { firstName: "Eve", lastName: "Stone" });
  const seen: EventRecord[] = [];
  tracker.subscribe((e) => seen.push(e));
  await tracker.assign(task.id, [eve.id]);
  expect((await tracker.get("project", project.id)).team).toContain(eve.id);
  expect(seen.map((e) => e.name)).toEqual(["task:assign", "task:update", "notification:new", "project:update"]);
  seen.length = 0;
  await tracker.assign(task.id, [eve.id]);
  expect(seen.map((e) => e.name)).toEqual(["task:assign", "task:update"]);
});
