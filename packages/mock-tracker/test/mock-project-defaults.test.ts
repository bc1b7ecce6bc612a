import { expect, it } from "vitest";
import { MockTracker } from "../src/index.js";

it("a project created without fps, ratio and resolution gets Zou's defaults (the mock left them null)", async () => {
  const tracker = new MockTracker();
  const project = await tracker.create("project", { name: "Defaults", productionType: "short" });
  expect(project).toMatchObject({ fps: 25, ratio: "16:9", resolution: "1920x1080" });
  const given = await tracker.create("project", { name: "Given", productionType: "short", fps: 24, ratio: "2.39:1" });
  expect(given).toMatchObject({ fps: 24, ratio: "2.39:1", resolution: "1920x1080" });
});
