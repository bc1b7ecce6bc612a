import { Tracker } from "@gadget/core";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { expect, it } from "vitest";
import { createAdapter } from "../src/index.js";

it("project.assets.withTasks() returns the project's assets (Zou's rows carry no project_id nor entity_type_id, so none was kept)", async () => {
  const server = await startKitsuServer();
  const tracker = Tracker.connect(
    await createAdapter({ type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" }),
  );
  try {
    const project = await tracker.projects.new({ name: "Assets With Tasks" });
    const hero = await project.assets.new({ name: "Hero", assetType: "Character" });
    await hero.tasks.new({ taskType: "Modeling" });
    const found = await project.assets.withTasks();
    expect(found.map((a) => a.name)).toEqual(["Hero"]);
    expect((await found[0]!.tasks.all()).length).toBe(1);
  } finally {
    await tracker.close();
    await server.close();
  }
});
