import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuthError, ConflictError, type Id, NetworkError, NotFoundError, ValidationError } from "@gadget/core";
import { type KitsuServer, startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter, type KitsuAdapter } from "../src/index.js";
import { closedPort } from "./http-fixture.js";

let server: KitsuServer;
let adapter: KitsuAdapter;
let dir: string;
const admin = { login: "admin@example.com", password: "mysecretpassword" };

beforeAll(async () => {
  server = await startKitsuServer();
  adapter = (await createAdapter({ type: "kitsu", url: server.url, ...admin })) as KitsuAdapter;
  dir = await mkdtemp(join(tmpdir(), "gadget-kitsu-"));
});
afterAll(async () => {
  await adapter?.close();
  await server?.close();
});

const png = async (name: string) => {
  const path = join(dir, name);
  // A 1x1 PNG is enough: the server stores what it is sent.
  await writeFile(path, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
  return { path, fileName: name, size: 29, contentType: "image/png" };
};

describe("KitsuAdapter against the Kitsu-compatible server", () => {
  it("bad credentials fail at connect time with an AuthError naming the login only", async () => {
    const error = await createAdapter({
      type: "kitsu",
      url: server.url,
      login: admin.login,
      password: "nope-123",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain(admin.login);
    expect((error as Error).message).not.toContain("nope-123");
  });

  it("an unreachable server is a NetworkError naming the URL", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api`;
    const error = await createAdapter({ type: "kitsu", url, ...admin }, { retry: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(url);
  });

  it("refuses a non-UUID id before any request", async () => {
    const before = adapter.client.stats.requests;
    // Ids are UUIDs on every backend: a malformed one is a ValidationError naming it (the compliance contract).
    await expect(adapter.get("shot", "sh0010" as Id)).rejects.toBeInstanceOf(ValidationError);
    await expect(adapter.getMany("task", ["nope" as Id])).rejects.toBeInstanceOf(ValidationError);
    expect(adapter.client.stats.requests).toBe(before);
  });

  it("refuses a query key the kind does not have", async () => {
    await expect(adapter.query("shot", { nme: "x" } as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it("a body JSON cannot carry is a ValidationError naming its path, not a NetworkError blaming TRACKER_URL", async () => {
    const before = adapter.client.stats.requests;
    const error = await adapter.raw
      .post("data/projects", { name: "p", data: { budget: 10n } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("data.budget");
    expect(adapter.client.stats.requests).toBe(before);
  });

  let projectId: Id;
  let sequenceId: Id;
  let shotId: Id;
  let taskId: Id;

  it("builds a production: project, sequence, shot with frame range and custom data", async () => {
    const project = await adapter.create("project", { name: `Bunny ${Date.now()}`, productionType: "short" });
    projectId = project.id;
    expect(project.status).toBe("open");
    const seq = await adapter.create("sequence", { name: "sq010", projectId });
    sequenceId = seq.id;
    const shot = await adapter.create("shot", {
      name: "sh0010",
      projectId,
      sequenceId,
      frameIn: 101,
      frameOut: 200,
      customData: { cam: "A" },
    });
    shotId = shot.id;
    expect(shot).toMatchObject({ frameIn: 101, frameOut: 200, nbFrames: 100, customData: { cam: "A" } });
    const again = await adapter.get("shot", shotId);
    expect(again).toMatchObject({ name: "sh0010", sequenceId, frameIn: 101, customData: { cam: "A" } });
  });

  it("a duplicate shot name in the same sequence is a ConflictError", async () => {
    await expect(adapter.create("shot", { name: "sh0010", projectId, sequenceId })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("matches names exactly although Zou filters with ILIKE", async () => {
    await adapter.create("shot", { name: "SH0010_x", projectId, sequenceId });
    const page = await adapter.query("shot", { projectId, name: "sh0010" });
    expect(page.items.map((s) => s.name)).toEqual(["sh0010"]);
    const wild = await adapter.query("shot", { projectId, name: "sh00_0" });
    expect(wild.items).toEqual([]);
  });

  it("merges customData key by key on update", async () => {
    const updated = await adapter.update("shot", shotId, { customData: { lens: 35 } });
    expect(updated.customData).toEqual({ cam: "A", lens: 35 });
    expect(updated.frameIn).toBe(101);
  });

  it("creates a task and comments with a status; an unknown status lists the valid short names", async () => {
    const types = await adapter.query("taskType", {});
    const anim = types.items.find((t) => t.forShots) ?? types.items[0];
    const task = await adapter.create("task", { entityId: shotId, taskTypeId: anim!.id });
    taskId = task.id;
    expect(task).toMatchObject({ entityId: shotId, entityKind: "shot", nbRetakes: 0 });
    const statuses = (await adapter.query("taskStatus", {})).items;
    const wip = statuses.find((s) => s.shortName === "wip")!;
    const c = await adapter.comment(taskId, {
      statusId: wip.id,
      text: "blocking",
      checklist: [{ text: "keys" }],
    });
    expect(c).toMatchObject({ text: "blocking", statusId: wip.id, checklist: [{ id: "0", text: "keys" }] });
    expect((await adapter.get("task", taskId)).statusId).toBe(wip.id);
    const error = await adapter
      .comment(taskId, { statusId: "11111111-1111-4111-8111-111111111111" as Id, text: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("wip");
  });

  it("a missing preview file is a ValidationError naming the path, and nothing is written", async () => {
    const wfa = (await adapter.query("taskStatus", { shortName: "wfa" })).items[0]!;
    const before = (await adapter.query("comment", { taskId })).items.length;
    const missing = join(dir, "missing.mp4");
    const error = await adapter
      .publish(taskId, {
        statusId: wfa.id,
        text: "v1",
        previews: [{ path: missing, fileName: "missing.mp4", size: 10, contentType: "video/mp4" }],
        setMainPreview: true,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(missing);
    expect((await adapter.query("comment", { taskId })).items.length).toBe(before);
  });

  it("publishes a comment with a preview, sets it main, and downloads it back", async () => {
    const wfa = (await adapter.query("taskStatus", { shortName: "wfa" })).items[0]!;
    const file = await png("blocking_v001.png");
    const seen: number[] = [];
    const result = await adapter.publish(
      taskId,
      { statusId: wfa.id, text: "v1", previews: [file], setMainPreview: true },
      { onProgress: (p) => seen.push(p.loaded) },
    );
    expect(result.previews).toHaveLength(1);
    expect(result.comment.previewIds).toEqual([result.previews[0]!.id]);
    expect((await adapter.get("task", taskId)).statusId).toBe(wfa.id);
    expect(seen.at(-1)).toBe(29);
    expect((await adapter.query("preview", { taskId })).items.map((p) => p.id)).toContain(result.previews[0]!.id);
    const download = await adapter.downloadPreview(result.previews[0]!.id);
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).length).toBeGreaterThan(0);
  });

  it("adds a preview to an existing comment in two steps (add-preview, upload)", async () => {
    const wfa = (await adapter.query("taskStatus", { shortName: "wfa" })).items[0]!;
    const c = await adapter.comment(taskId, { statusId: wfa.id, text: "v2" });
    const preview = await adapter.addPreview(taskId, c.id, await png("v002.png"));
    expect(preview).toMatchObject({ name: "v002", commentId: c.id, taskId });
    await adapter.setMainPreview(preview.id);
  });

  it("casting round-trips and castIn finds the shot", async () => {
    const at = (await adapter.query("assetType", {})).items[0]!;
    const asset = await adapter.create("asset", { name: "Hero", projectId, assetTypeId: at.id });
    await expect(adapter.create("asset", { name: "Hero", projectId, assetTypeId: at.id })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await adapter.setCasting(shotId, [{ assetId: asset.id, occurrences: 2, label: "animate" }]);
    expect(await adapter.getCasting(shotId)).toEqual([{ assetId: asset.id, occurrences: 2, label: "animate" }]);
    expect((await adapter.castIn(asset.id)).map((c) => c.entityId)).toContain(shotId);
  });

  it("getMany uses one IN request and leaves out missing ids", async () => {
    const before = adapter.client.stats.requests;
    const found = await adapter.getMany("shot", [shotId, "22222222-2222-4222-8222-222222222222" as Id]);
    expect(found.map((s) => s.id)).toEqual([shotId]);
    expect(adapter.client.stats.requests - before).toBe(1);
  });

  it("get of a deleted or unknown id is a NotFoundError", async () => {
    await expect(adapter.get("shot", "33333333-3333-4333-8333-333333333333" as Id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("removing a shot with tasks cancels it; force deletes it", async () => {
    expect(await adapter.remove("shot", shotId)).toEqual({ outcome: "canceled" });
    expect(await adapter.remove("shot", shotId, { force: true })).toEqual({ outcome: "deleted" });
    await expect(adapter.get("shot", shotId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
