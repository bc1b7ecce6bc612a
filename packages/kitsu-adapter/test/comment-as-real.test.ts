import { randomUUID } from "node:crypto";
import { PermissionError, Tracker } from "@gadget/core";
import { kitsuConfigSchema } from "@gadget/core/adapter";
import { afterAll, describe, expect, it } from "vitest";
import { createAdapter } from "../src/index.js";

/*
 * Who may post as someone else or with a date, on a real Kitsu (TRACKER_URL and an admin login;
 * skipped otherwise): a studio artist may not, and neither may one whose project role is artist; a
 * studio artist who is a manager of the project (a team role, `project_role`) may, as Zou's
 * has_manager_permissions() resolves it. Everything made here is named `comments12-…` and removed.
 */

const env = process.env;
const admin = kitsuConfigSchema.safeParse({
  type: "kitsu",
  url: env.TRACKER_URL,
  login: env.TRACKER_LOGIN,
  password: env.TRACKER_PASSWORD,
});
const enabled = admin.success && Boolean(env.TRACKER_LOGIN && env.TRACKER_PASSWORD);
const suffix = randomUUID().slice(0, 8);
const password = `c12-${randomUUID()}`;
const cleanup: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function session(login: string, pass: string): Promise<Tracker> {
  if (!admin.success) throw new Error("no TRACKER_URL");
  const tracker = Tracker.connect(await createAdapter({ ...admin.data, login, password: pass }));
  cleanup.push(() => tracker.close());
  return tracker;
}

describe.skipIf(!enabled)("posting as someone else on a real Kitsu (TRACKER_URL)", () => {
  it("a studio artist is refused before any write; an artist who manages the project may", {
    timeout: 120_000,
  }, async () => {
    const root = await session(env.TRACKER_LOGIN as string, env.TRACKER_PASSWORD as string);
    const newPerson = async (name: string) => {
      const person = await root.persons.new({
        firstName: "comments12",
        lastName: `${name} ${suffix}`,
        email: `comments12-${name}-${suffix}@example.com`,
        role: "user",
      });
      cleanup.push(() => root.raw.delete(`data/persons/${person.id}?force=true`));
      await root.raw.post(`actions/persons/${person.id}/change-password`, { password, password_2: password });
      return person;
    };
    const artist = await newPerson("artist");
    const lead = await newPerson("lead");
    const project = await root.projects.new({ name: `comments12-real ${suffix}`, productionType: "short" });
    cleanup.push(async () => {
      await root.raw.put(`data/projects/${project.id}`, { project_status_id: await closedStatus(root) });
      await root.raw.delete(`data/projects/${project.id}?force=true`);
    });
    const taskType = (await root.taskTypes.all()).find((t) => t.forShots);
    const wip = await root.taskStatuses.get({ shortName: "wip" });
    if (!taskType) throw new Error("the tracker has no shot task type");
    await root.raw.post(`data/projects/${project.id}/settings/task-types`, { task_type_id: taskType.id });
    await root.raw.post(`data/projects/${project.id}/settings/task-status`, { task_status_id: wip.id });
    await root.raw.post(`data/projects/${project.id}/team`, { person_id: artist.id });
    await root.raw.post(`data/projects/${project.id}/team`, { person_id: lead.id, role: "manager" });
    const sequence = await project.sequences.new({ name: "sq010" });
    const shot = await sequence.shots.new({ name: "sh010" });
    const task = await shot.tasks.new({ taskType, assignees: [artist] });

    const asArtist = await session(artist.email as string, password);
    const theirs = await asArtist.load("task", task.id);
    const refused = await theirs.comments.new({ comment: "for lead", status: "wip", author: lead.id }).catch((e) => e);
    expect(refused).toBeInstanceOf(PermissionError);
    const dated = await theirs.comments
      .new({ comment: "old", status: "wip", createdAt: new Date("2020-01-01T00:00:00Z") })
      .catch((e) => e);
    expect(dated).toBeInstanceOf(PermissionError);
    expect(await task.comments.all()).toEqual([]);

    const asLead = await session(lead.email as string, password);
    const led = await asLead.load("task", task.id);
    const posted = await led.comments.new({
      comment: "imported for the artist",
      status: "wip",
      author: artist.id,
      createdAt: new Date("2020-01-01T00:00:00Z"),
    });
    expect(posted.authorId).toBe(artist.id);
    expect(posted.createdAt.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect((await task.comments.last())?.id).toBe(posted.id);
  });
});

async function closedStatus(tracker: Tracker): Promise<string> {
  const statuses = await tracker.raw.get<{ id: string; name: string }[]>("data/project-status");
  return (statuses.find((s) => s.name === "Closed") ?? statuses[0])?.id ?? "";
}
