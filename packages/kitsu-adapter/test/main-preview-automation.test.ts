import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Id, Project } from "@gadget/core";
import { defaultRules } from "@gadget/core/adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProject } from "../src/codec/production.js";
import { decodePreview } from "../src/codec/reviews.js";
import * as kitsu from "../src/index.js";
import { mainPreviewSetByTracker } from "../src/ops/main-preview-automation.js";
import { ReferenceCache } from "../src/ops/reference.js";
import { KitsuClient } from "../src/transport/client.js";

/*
 * Kitsu's "set main preview automatically" (is_set_preview_automated): Zou makes the first preview
 * of a comment the main preview inside batch-comment, so a publish with setMainPreview on a project
 * the session knows has the setting is one request, not two. Counted by the Kitsu-compatible server.
 */

let server: KitsuServer;
let tracker: MockTracker;
let preview: string;
const setMain = "PUT /actions/preview-files/:previewId/set-main-preview";
const sessions: Project[] = [];

async function seedProject(name: string, mainPreviewAutomated: boolean): Promise<void> {
  const project = await tracker.create("project", { name, productionType: "short", mainPreviewAutomated });
  const projectId = project.id;
  const sequenceId = (await tracker.create("sequence", { name: "sq010", projectId })).id;
  const animation = (await tracker.query("taskType", { name: "Animation" })).items;
  const shotIds = tracker.insertMany(
    "shot",
    Array.from({ length: 6 }, (_, i) => ({ name: `sh${(i + 1) * 10}`, projectId, sequenceId })),
  );
  tracker.insertMany(
    "task",
    shotIds.flatMap((entityId) => animation.map((t) => ({ entityId, taskTypeId: t.id }))),
  );
}

const open = async (name: string) => {
  const env = {
    TRACKER_URL: server.url,
    TRACKER_LOGIN: "admin@example.com",
    TRACKER_PASSWORD: "mysecretpassword",
    TRACKER_PROJECT: name,
  };
  const project = await Project.fromEnv({ env, envFile: false, modules: { kitsu } });
  sessions.push(project);
  return project;
};

/** The shot's task, looked up by names as a TD's script does; the requests counted start after. */
async function taskOf(project: Project, shotName: string) {
  const shot = await project.shots.get({ name: shotName });
  return { shot, task: await shot.tasks.fetch("Animation") };
}

const mainPreviewOf = async (shotId: Id) => (await tracker.get("shot", shotId)).previewId;

beforeAll(async () => {
  tracker = new MockTracker({ seed: 11 });
  server = await startKitsuServer({ tracker });
  await seedProject("Auto", true);
  await seedProject("Manual", false);
  const dir = await mkdtemp(join(tmpdir(), "gadget-automain-"));
  preview = join(dir, "v001.png");
  await writeFile(preview, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
});
afterAll(async () => {
  for (const project of sessions) await project.tracker.close();
  await server?.close();
});

describe("publish on a project that sets main previews automatically (Kitsu adapter)", () => {
  it.each([
    { name: "Auto", automated: true, requests: 1 },
    { name: "Manual", automated: false, requests: 2 },
  ])(
    "setMainPreview: true on $name (automated: $automated) takes $requests request(s), and sets the shot's main preview",
    async ({ name, automated, requests }) => {
      const project = await open(name);
      expect(project.mainPreviewAutomated).toBe(automated);
      const { shot, task } = await taskOf(project, "sh10");
      server.stats.reset();
      const comment = await task.comments.new({
        comment: "v1",
        status: "wfa",
        preview: [preview],
        setMainPreview: true,
      });
      expect(server.stats.total).toBe(requests);
      expect(server.stats.of(setMain)).toBe(requests - 1);
      const [previewId] = comment.previewIds;
      expect(await mainPreviewOf(shot.id)).toBe(previewId);
      expect(shot.previewId).toBe(previewId);
    },
  );

  it("without setMainPreview, the automated project still sets the main preview, and the session's shot shows it", async () => {
    const project = await open("Auto");
    const { shot, task } = await taskOf(project, "sh20");
    server.stats.reset();
    const comment = await task.comments.new({ comment: "v1", status: "wfa", preview: [preview] });
    expect(server.stats.total).toBe(1);
    expect(await mainPreviewOf(shot.id)).toBe(comment.previewIds[0]);
    expect(shot.previewId).toBe(comment.previewIds[0]);
  });

  it("W1 (names → comment + status + preview + main preview, fresh session) is one request less on an automated project", async () => {
    const w1 = async (name: string) => {
      server.stats.reset();
      const project = await open(name);
      const { task } = await taskOf(project, "sh30");
      await task.comments.new({ comment: "blocking", status: "wfa", preview: [preview], setMainPreview: true });
      return server.stats.total;
    };
    const manual = await w1("Manual");
    expect(await w1("Auto")).toBe(manual - 1);
  });

  it("turning the setting on with project.save() skips set-main-preview from the next publish; off sends it again", async () => {
    const project = await open("Manual");
    project.mainPreviewAutomated = true;
    await project.save();
    expect((await tracker.get("project", project.id)).mainPreviewAutomated).toBe(true);
    const { shot, task } = await taskOf(project, "sh40");
    server.stats.reset();
    const first = await task.comments.new({ comment: "v1", status: "wfa", preview: [preview], setMainPreview: true });
    expect(server.stats.of(setMain)).toBe(0);
    expect(await mainPreviewOf(shot.id)).toBe(first.previewIds[0]);

    project.mainPreviewAutomated = false;
    await project.save();
    server.stats.reset();
    const second = await task.comments.new({ comment: "v2", status: "wfa", preview: [preview], setMainPreview: true });
    expect(server.stats.of(setMain)).toBe(1);
    expect(await mainPreviewOf(shot.id)).toBe(second.previewIds[0]);
  });

  it("set-main-preview is skipped only for a first picture or movie on a project whose row said so; unknown means sent", () => {
    // No request is made: the decision reads only what the session remembers.
    const client = new KitsuClient({ url: "http://127.0.0.1:9/api", credentials: { token: "bot" } });
    const ctx = { client, ref: new ReferenceCache(client), rules: defaultRules };
    const taskId = "0a641b91-09a6-4c5e-98c8-74f05d4a3eb1" as Id;
    const projectId = "0a641b91-09a6-4c5e-98c8-74f05d4a3eb2";
    const previewRow = { id: "0a641b91-09a6-4c5e-98c8-74f05d4a3eb3", task_id: taskId, revision: 1, position: 1 };
    const png = decodePreview({ ...previewRow, extension: "png" });
    const projectRow = { id: projectId, name: "Old", production_type: "short" };
    expect(mainPreviewSetByTracker(ctx, taskId, png)).toBe(false);
    ctx.ref.rememberTask(taskId, projectId as Id);
    ctx.ref.rememberProject(decodeProject(projectRow, () => "Open"));
    expect(mainPreviewSetByTracker(ctx, taskId, png)).toBe(false);
    ctx.ref.rememberProject(decodeProject({ ...projectRow, is_set_preview_automated: true }, () => "Open"));
    expect(mainPreviewSetByTracker(ctx, taskId, png)).toBe(true);
    expect(mainPreviewSetByTracker(ctx, taskId, decodePreview({ ...previewRow, extension: "zip" }))).toBe(false);
    expect(mainPreviewSetByTracker(ctx, taskId, decodePreview({ ...previewRow, position: 2, extension: "mp4" }))).toBe(
      false,
    );
  });
});
