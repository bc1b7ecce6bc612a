import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Id, Kind } from "@gadget/core";
import { asId, type RecordOf, type UploadFile, type Where } from "@gadget/core/adapter";
import { MockTracker } from "../src/index.js";

/** The one record of a kind matching `where` in a mock's store. */
export async function one<K extends Kind>(tracker: MockTracker, kind: K, where: Where<K>): Promise<RecordOf<K>> {
  const [found] = (await tracker.query(kind, where)).items;
  if (!found) throw new Error(`no ${kind} matches ${JSON.stringify(where)}`);
  return found;
}

/**
 * A small studio on a fresh Kitsu's reference data (its statuses, task types, asset types and
 * admin): one project with a sequence, two shots, an asset, an artist and a task.
 */
export async function smallStudio(options: ConstructorParameters<typeof MockTracker>[0] = { seed: 7 }) {
  const tracker = new MockTracker(options);
  const todo = await one(tracker, "taskStatus", { shortName: "todo" });
  const wip = await one(tracker, "taskStatus", { shortName: "wip" });
  const wfa = await one(tracker, "taskStatus", { shortName: "wfa" });
  const retake = await one(tracker, "taskStatus", { shortName: "retake" });
  const anim = await one(tracker, "taskType", { name: "Animation" });
  const model = await one(tracker, "taskType", { name: "Modeling" });
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
  const chars = await one(tracker, "assetType", { name: "Character" });
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

/** A well-formed id no record has (a malformed one is a ValidationError, not a NotFoundError). */
export const nobody = asId("00000000-0000-4000-8000-000000000000");

export const ids = (records: readonly { id: Id }[]) => records.map((r) => r.id);
