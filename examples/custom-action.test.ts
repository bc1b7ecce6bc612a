import { mkdir, mkdtemp, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Project } from "@gadget/core";
import { afterEach, beforeEach, expect, test } from "vitest";
import { actionName, registerAction, serveCustomAction } from "./custom-action.js";

const env = { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "demo", TRACKER_PROJECT: "Bunny Escape" };

let project: Project;
let renders: string;
beforeEach(async () => {
  project = await Project.fromEnv({ env, envFile: false });
  renders = await mkdtemp(join(tmpdir(), "gadget-renders-"));
});
afterEach(() => project.tracker.close());

test("a form post from Kitsu publishes each selected task's newest render, and says what it skipped", async () => {
  const [first, second] = await project.shots.all();
  if (!first || !second) throw new Error("the demo has two shots");
  const [task] = await first.tasks.all();
  const [other] = await second.tasks.all();
  if (!task || !other) throw new Error("the demo shots have tasks");
  await mkdir(join(renders, first.name));
  const old = join(renders, first.name, `${first.name}_v001.mp4`);
  const latest = join(renders, first.name, `${first.name}_v002.mp4`);
  await writeFile(latest, "v002 frames");
  await writeFile(old, "v001 frames");
  await utimes(old, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  const person = (await project.team.all()).find((p) => p.email);
  if (!person) throw new Error("the demo team has e-mails");
  const served = await serveCustomAction({ tracker: project.tracker, renders });
  try {
    const res = await fetch(served.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        personid: person.id,
        personemail: person.email ?? "",
        projectid: project.id,
        currentpath: "/",
        currentserver: "kitsu",
        selection: `${task.id},${other.id}`,
        entitytype: "shot",
      }),
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Published 1 render(s); no render for");
    expect(page).toContain(second.name);
    const [comment] = await task.comments.all();
    expect(comment?.text).toContain(`${first.name}_v002.mp4`);
    expect((await comment?.previews.all())?.map((p) => p.name)).toEqual([`${first.name}_v002`]); // Kitsu keeps the name without its extension
  } finally {
    await served.close();
  }
});

test("--register adds the action once, pointing at the server's URL", async () => {
  const url = "http://127.0.0.1:8000/";
  const first = await registerAction(project.tracker, url);
  const again = await registerAction(project.tracker, url);
  expect(again.id).toBe(first.id);
  expect(await project.tracker.customActions.filter({ name: actionName })).toEqual([
    expect.objectContaining({ url, isAjax: false, entityType: "all" }),
  ]);
});
