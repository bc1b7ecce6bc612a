import { Tracker } from "@gadget/core";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { expect, it } from "vitest";
import { createAdapter } from "../src/index.js";

it("a name IN filter finds the records (Zou reads `name` as one ILIKE pattern, so a JSON list matched nothing)", async () => {
  const server = await startKitsuServer();
  const tracker = Tracker.connect(
    await createAdapter({ type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" }),
  );
  try {
    const project = await tracker.projects.new({ name: "Name In" });
    for (const name of ["Hero", "Tree", "Rock"]) await project.assets.new({ name, assetType: "Prop" });
    const found = await project.assets.filter({ name: ["Hero", "Rock"] });
    expect(found.map((a) => a.name).sort()).toEqual(["Hero", "Rock"]);
    expect((await project.assets.filter({ name: ["Tree"] })).map((a) => a.name)).toEqual(["Tree"]);
  } finally {
    await tracker.close();
    await server.close();
  }
});
