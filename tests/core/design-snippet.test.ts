import { Project, type TrackerEvent } from "@gadget/core";
import { demoTracker } from "@gadget/mock-tracker";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, expect, test } from "vitest";
import { tempFile } from "./helpers.js";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** The demo studio, in memory or behind the Kitsu-compatible server. */
const backends: Record<string, () => Promise<Record<string, string>>> = {
  "the mock tracker": async () => ({ TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo" }),
  "Kitsu (the Kitsu-compatible server)": async () => {
    const server = await startKitsuServer({ tracker: demoTracker() });
    closers.push(() => server.close());
    return { TRACKER_URL: server.url, TRACKER_LOGIN: "admin@example.com", TRACKER_PASSWORD: "mysecretpassword" };
  },
};

/* DESIGN.md "What a TD writes", run as written (names adapted to the demo studio). */
test.each(Object.keys(backends))("the TD script of DESIGN.md runs as written on %s", async (backend) => {
  const env = await backends[backend]!();
  const project = await Project.fromEnv({ env: { ...env, TRACKER_PROJECT: "Bunny Escape" }, envFile: false });
  const statusChanges: TrackerEvent[] = [];
  project.on("task:status-changed", (e) => statusChanges.push(e));

  const shot = await project.shots.get({ name: "sh030", sequence: "sq020" });
  const task = await shot.tasks.fetch("Animation");
  await task.comments.new({
    comment: "Blocking pass",
    status: "wfa",
    preview: [await tempFile("sq020_sh030_v003.mp4")],
    setMainPreview: true,
  });
  const seen: string[] = [];
  for await (const s of project.shots.iterate({ sequence: "sq020" })) seen.push(`${s.name}:${s.frameIn}`);
  expect(seen).toHaveLength(6);

  const tracker = project.tracker;
  const anim = await tracker.taskTypes.new({ name: "Anim3D", forShots: true });
  const film = await tracker.projects.new({ name: "Bunny", productionType: "short" });
  const chars = await film.assetTypes.new({ name: "Creature" });
  // DESIGN.md creates the hero in `film`, then casts it in a shot of `project`: a shot can only cast
  // its own project's assets (Zou answers 404), so the hero is made where the shot is.
  await film.assets.new({ name: "Hero", assetType: chars, customData: { variant: "default" } });
  const hero = await project.assets.new({ name: "Hero", assetType: chars, customData: { variant: "default" } });
  const artist = (await tracker.persons.all())[0]!;
  const t = await shot.tasks.new({ taskType: anim, assignees: [artist] });
  const seq = await project.sequences.new({ name: "sq180" });
  const sh = await seq.shots.new({ name: "sh0010", frameIn: 101, frameOut: 200, customData: { cam: "A" } });
  sh.customData.cam = "B";
  await sh.save();
  await sh.casting.set([{ asset: hero, occurrences: 2 }]);

  expect(task.statusId).toBe((await project.taskStatuses.get({ shortName: "wfa" })).id);
  expect(shot.previewId).not.toBeNull();
  expect(t.assigneeIds).toEqual([artist.id]);
  expect((await sh.refresh()).customData).toEqual({ cam: "B" });
  expect(sh.nbFrames).toBe(100);
  expect((await sh.casting.get()).map((c) => [c.asset.name, c.occurrences])).toEqual([["Hero", 2]]);
  await expect.poll(() => statusChanges.map((e) => e.id)).toEqual([task.id]);
  await tracker.close();
});
