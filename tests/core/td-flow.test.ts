import type { TrackerEvent } from "@gadget/core";
import { Project } from "@gadget/core";
import { describe, expect, test } from "vitest";
import { DEMO_PROJECT, tempFile } from "./helpers.js";

describe("the TD flow on the demo studio", () => {
  test("fromEnv → shot → task → publish with a preview: status, preview, main preview and events", async () => {
    const project = await Project.fromEnv({
      env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: DEMO_PROJECT },
      envFile: false,
    });
    try {
      expect(project.name).toBe(DEMO_PROJECT);
      const events: TrackerEvent[] = [];
      const names: string[] = [];
      project.on("task:status-changed", (e) => events.push(e));
      project.on("*", (e) => names.push(e.name));

      const sequence = await project.sequences.get({ name: "sq010" });
      const shot = await sequence.shots.get({ name: "sh010" });
      const task = await shot.tasks.fetch("Animation");
      const before = await task.status();
      expect(before.shortName).not.toBe("wfa");

      const movie = await tempFile("sh010_anim_v001.mp4");
      const comment = await task.comments.new({
        comment: "Blocking pass",
        status: "wfa",
        preview: [movie],
        setMainPreview: true,
      });

      expect(comment.text).toBe("Blocking pass");
      expect((await task.status()).shortName).toBe("wfa");
      const previews = await comment.previews.all();
      expect(previews).toHaveLength(1);
      const [preview] = previews;
      expect(comment.previewIds).toEqual([preview?.id]);
      expect(preview?.taskId).toBe(task.id);
      // The main preview changed on the tracker: a lookup brings the same shot object up to date.
      const again = await sequence.shots.get({ name: "sh010" });
      expect(again).toBe(shot);
      expect(shot.previewId).toBe(preview?.id);

      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(events.map((e) => e.id)).toContain(task.id);
      expect(events[0]?.data).toMatchObject({ newTaskStatusId: task.statusId, previousTaskStatusId: before.id });
      expect(names).toEqual(expect.arrayContaining(["comment:new", "preview-file:set-main"]));
    } finally {
      await project.tracker.close();
    }
  });

  test("Project.fromEnv without TRACKER_PROJECT is a ConfigError naming the variable", async () => {
    await expect(
      Project.fromEnv({ env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo" }, envFile: false }),
    ).rejects.toMatchObject({ name: "ConfigError", variable: "TRACKER_PROJECT" });
  });

  test("Project.fromEnv with an unknown project lists the existing ones", async () => {
    const error = await Project.fromEnv({
      env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escap" },
      envFile: false,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConfigError", variable: "TRACKER_PROJECT" });
    expect((error as Error).message).toContain(`"${DEMO_PROJECT}"`);
  });
});
