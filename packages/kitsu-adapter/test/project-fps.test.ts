import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { expect, it } from "vitest";
import { createAdapter } from "../src/index.js";

it("a project's fps given at create and in an update reaches Kitsu (the adapter dropped it as shot data)", async () => {
  const server = await startKitsuServer();
  const adapter = await createAdapter({
    type: "kitsu",
    url: server.url,
    login: "admin@example.com",
    password: "mysecretpassword",
  });
  try {
    const project = await adapter.create("project", { name: "Fps", productionType: "short", fps: 24 });
    expect(project.fps).toBe(24);
    expect((await adapter.update("project", project.id, { fps: 50 })).fps).toBe(50);
    expect((await adapter.get("project", project.id)).fps).toBe(50);
  } finally {
    await adapter.close();
    await server.close();
  }
});
