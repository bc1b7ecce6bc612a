import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Person, type Project, type Task, Tracker } from "@gadget/core";
import { createCustomActionHandler } from "@gadget/core/custom-actions";
import * as kitsu from "@gadget/kitsu-adapter";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/*
 * The custom action handler on a real Kitsu (TRACKER_URL with an admin login), skipped when none
 * answers: a project `actions12-…` with one task, posted to in both encodings, forged and unknown
 * selections refused, the preflight answered for TRACKER_URL's origin (the default). Everything it
 * creates is deleted at the end.
 */

const env = process.env;
const answers =
  Boolean(env.TRACKER_URL && env.TRACKER_LOGIN && env.TRACKER_PASSWORD) &&
  (await fetch(env.TRACKER_URL as string, { signal: AbortSignal.timeout(3000) }).then(
    () => true,
    () => false,
  ));

describe.skipIf(!answers)("custom action handler on a real Kitsu (TRACKER_URL)", { timeout: 60_000 }, () => {
  const tag = `actions12-${randomUUID().slice(0, 8)}`;
  let tracker: Tracker;
  let project: Project;
  let task: Task;
  let me: Person;
  let server: Server;
  let url: string;
  const origin = answers ? new URL(env.TRACKER_URL as string).origin : "";

  beforeAll(async () => {
    tracker = await Tracker.fromEnv({
      env: { TRACKER_URL: env.TRACKER_URL, TRACKER_LOGIN: env.TRACKER_LOGIN, TRACKER_PASSWORD: env.TRACKER_PASSWORD },
      envFile: false,
      modules: { kitsu },
    });
    me = (await tracker.persons.get({ email: env.TRACKER_LOGIN as string })) as Person;
    project = await tracker.projects.new({ name: `${tag} project`, productionType: "short" });
    const taskType = (await tracker.taskTypes.all()).find((t) => t.forShots);
    if (!taskType) throw new Error("the Kitsu has no task type for shots");
    const shot = await (await project.sequences.new({ name: "sq01" })).shots.new({ name: "sh01" });
    task = await shot.tasks.new({ taskType });
    const handler = createCustomActionHandler({
      tracker,
      handle: async (action) => ({
        tasks: (await action.tasks()).map((t) => t.id),
        entities: (await action.entities()).map((e) => e.name),
      }),
      onError: () => undefined,
    });
    server = createServer(handler.node);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (project) {
      project.status = "closed";
      await project.save().catch(() => undefined);
      await project.delete({ force: true }).catch(() => undefined);
    }
    await tracker?.close();
  });

  const post = (type: string, body: string) =>
    fetch(url, { method: "POST", headers: { "content-type": type, origin, accept: "application/json" }, body });
  const form = (fields: Record<string, string>) =>
    new URLSearchParams({
      personid: me.id,
      personemail: me.email ?? "",
      projectid: project.id,
      currentpath: `/productions/${project.id}/shots`,
      currentserver: new URL(origin).host,
      selection: task.id,
      entitytype: "shot",
      ...fields,
    }).toString();

  test("a form post and a JSON post resolve the task and its shot", async () => {
    const byForm = await post("application/x-www-form-urlencoded", form({}));
    expect(byForm.status).toBe(200);
    expect(await byForm.json()).toEqual({ ok: true, result: { tasks: [task.id], entities: ["sh01"] } });
    const byJson = await post(
      "application/json",
      JSON.stringify({ userid: me.id, useremail: me.email, productionid: project.id, selection: [task.id] }),
    );
    expect(byJson.status).toBe(200);
  });

  test("a forged e-mail and an unknown task are refused with 403; the preflight answers TRACKER_URL's origin", async () => {
    expect((await post("application/x-www-form-urlencoded", form({ personemail: "x@example.com" }))).status).toBe(403);
    expect((await post("application/x-www-form-urlencoded", form({ selection: randomUUID() }))).status).toBe(403);
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
  });
});
