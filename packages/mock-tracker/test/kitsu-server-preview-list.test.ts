import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import type { KitsuServer } from "../src/kitsu-server/index.js";
import { type Api, adminSession } from "./kitsu-server-client.js";

type Row = Record<string, unknown> & { id: string };

let server: KitsuServer | undefined;
afterEach(async () => {
  await server?.close();
});

test("GET /data/preview-files ignored its filters (id=[…]) and relations=true, unlike Zou's crud list", async () => {
  let api: Api;
  ({ server, api } = await adminSession());
  const tracker = server.tracker;
  const project = await tracker.create("project", { name: "Previews", productionType: "short" });
  const seq = await tracker.create("sequence", { name: "sq010", projectId: project.id });
  const shot = await tracker.create("shot", { name: "sh010", projectId: project.id, sequenceId: seq.id });
  const [layout] = (await tracker.query("taskType", { name: "Layout" })).items;
  const [wip] = (await tracker.query("taskStatus", { shortName: "wip" })).items;
  const task = await tracker.create("task", { entityId: shot.id, taskTypeId: layout!.id });
  const path = join(tmpdir(), `gadget-preview-list-${process.pid}.png`);
  await writeFile(path, "png bytes");
  const file = { path, fileName: "v.png", size: 9, contentType: "image/png" };
  const comment = await tracker.comment(task.id, { statusId: wip!.id, text: "v1" });
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await tracker.addPreview(task.id, comment.id, file)).id);

  const wanted = [ids[0], ids[2]];
  const listed = await api.call<Row[]>("GET", `/data/preview-files?id=${JSON.stringify(wanted)}&relations=true`);
  expect(listed.status).toBe(200);
  expect(listed.body.map((r) => r.id).sort()).toEqual([...wanted].sort());
  expect(listed.body.every((r) => Array.isArray(r.comments) && r.comments.includes(comment.id))).toBe(true);
  const bare = await api.call<Row[]>("GET", `/data/preview-files?id=${JSON.stringify(wanted)}`);
  expect(bare.body.every((r) => !("comments" in r))).toBe(true);
});
