import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Id } from "@gadget/core";
import type { UploadFile } from "@gadget/core/adapter";
import { MockTracker } from "../src/index.js";

/** A small studio: statuses, task types, one project with a sequence, two shots and an asset. */
export async function smallStudio(options: ConstructorParameters<typeof MockTracker>[0] = { seed: 7 }) {
  const tracker = new MockTracker(options);
  const todo = await tracker.create("taskStatus", { name: "Todo", shortName: "todo", isDefault: true });
  const wip = await tracker.create("taskStatus", { name: "Work In Progress", shortName: "wip", isWip: true });
  const wfa = await tracker.create("taskStatus", {
    name: "Waiting For Approval",
    shortName: "wfa",
    isFeedbackRequest: true,
  });
  const retake = await tracker.create("taskStatus", { name: "Retake", shortName: "retake", isRetake: true });
  const anim = await tracker.create("taskType", { name: "Animation", forShots: true });
  const model = await tracker.create("taskType", { name: "Modeling", forShots: false });
  const project = await tracker.create("project", { name: "Bunny", productionType: "short" });
  const seq = await tracker.create("sequence", { name: "sq010", projectId: project.id });
  const sh010 = await tracker.create("shot", {
    name: "sh010",
    projectId: project.id,
    sequenceId: seq.id,
    frameIn: 101,
    frameOut: 200,
  });
  const sh020 = await tracker.create("shot", { name: "sh020", projectId: project.id, sequenceId: seq.id });
  const chars = await tracker.create("assetType", { name: "Character" });
  const hero = await tracker.create("asset", { name: "Hero", projectId: project.id, assetTypeId: chars.id });
  const artist = await tracker.create("person", { firstName: "Ada", lastName: "Lane", email: "ada@example.com" });
  const task = await tracker.create("task", { entityId: sh010.id, taskTypeId: anim.id });
  const status = { todo, wip, wfa, retake };
  return { tracker, status, anim, model, project, seq, sh010, sh020, chars, hero, artist, task };
}

/** Writes a temporary file and describes it as core would hand it to an adapter. */
export async function tempUpload(fileName: string, bytes: Buffer | string): Promise<UploadFile> {
  const path = join(tmpdir(), `gadget-mock-${process.pid}-${Math.random().toString(36).slice(2)}-${fileName}`);
  await writeFile(path, bytes);
  const size = Buffer.byteLength(bytes);
  return { path, fileName, size, contentType: fileName.endsWith(".png") ? "image/png" : "application/octet-stream" };
}

/** Lets queued microtasks (event delivery) run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export const ids = (records: readonly { id: Id }[]) => records.map((r) => r.id);
