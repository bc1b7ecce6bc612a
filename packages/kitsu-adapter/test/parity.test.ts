import { randomUUID } from "node:crypto";
import { ConflictError, isTrackerError, NotFoundError, PermissionError, Tracker } from "@gadget/core";
import { asId } from "@gadget/core/adapter";
import { MockTracker } from "@gadget/mock-tracker";
import { startKitsuServer } from "@gadget/mock-tracker/kitsu-server";
import { afterEach, describe, expect, it } from "vitest";
import { createAdapter } from "../src/index.js";
import { both, onKitsu, openAs } from "./acceptance-fixture.js";

/*
 * Differences between the mock tracker and a real Zou 1.0.67 that a tool would have met: each test
 * is named after what differed and runs the same code on both backends (Kitsu through the
 * Kitsu-compatible server), expecting Kitsu's behaviour from each.
 */

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

/** What a fresh Kitsu lists after `zou init-data` and `zou create-admin` (Zou 1.0.67, commands.py; recorded 027–032). */
const freshKitsu = {
  departments: [
    "Modeling #78909C",
    "Animation #009688",
    "FX #26C6DA",
    "Compositing #F06292",
    "Concept #8D6E63",
    "Layout #7CB342",
  ],
  taskTypes: [
    "Concept concept 1 #8D6E63 Concept",
    "Concept asset 1 #8D6E63 Concept",
    "Modeling asset 2 #78909C Modeling",
    "Shading asset 3 #64B5F6 Modeling",
    "Rigging asset 4 #9CCC65 Animation",
    "Storyboard shot 1 #43A047 Concept",
    "Layout shot 2 #7CB342 Layout",
    "Animation shot 3 #009688 Animation",
    "Lighting shot 4 #F9A825 Compositing",
    "FX shot 5 #26C6DA FX",
    "Rendering shot 6 #F06292 Compositing",
    "Compositing shot 7 #ff5252 Compositing",
    "Edit edit 8 #9b298c Compositing",
  ],
  taskStatuses: [
    "Todo todo #f5f5f5 default",
    "Work In Progress wip #3273dc wip",
    "Waiting For Approval wfa #ab26ff feedback",
    "Retake retake #ff3860 retake",
    "Done done #22d160 done",
    "Ready To Start ready #fbc02d",
  ],
  assetTypes: ["Character", "Environment", "FX", "Prop"],
  persons: ["Super Admin admin@example.com admin"],
};

/** The studio's reference data as a TD sees it, in plain strings. */
async function studioOf(tracker: Tracker) {
  const departments = await tracker.departments.all();
  const deptName = new Map<string, string>(departments.map((d) => [d.id, d.name]));
  return {
    departments: departments.map((d) => `${d.name} ${d.color}`),
    taskTypes: (await tracker.taskTypes.all()).map(
      (t) => `${t.name} ${t.forEntity} ${t.priority} ${t.color} ${deptName.get(t.departmentId ?? "") ?? "-"}`,
    ),
    taskStatuses: (await tracker.taskStatuses.all()).map((s) =>
      [
        s.name,
        s.shortName,
        s.color,
        s.isDefault && "default",
        s.isWip && "wip",
        s.isFeedbackRequest && "feedback",
        s.isRetake && "retake",
        s.isDone && "done",
      ]
        .filter(Boolean)
        .join(" "),
    ),
    // Zou lists entity types in no set order.
    assetTypes: (await tracker.assetTypes.all()).map((a) => a.name).sort(),
    persons: (await tracker.persons.all()).map((p) => `${p.name} ${p.email} ${p.role}`),
  };
}

async function kitsuOver(tracker: MockTracker): Promise<Tracker> {
  const server = await startKitsuServer({ tracker });
  open.push(server);
  const session = Tracker.connect(
    await createAdapter({ type: "kitsu", url: server.url, login: "admin@example.com", password: "mysecretpassword" }),
  );
  open.push(session);
  return session;
}

describe("the mock tracker and Kitsu agree where they differed", () => {
  it("a new MockTracker started with no task statuses, task types, asset types or departments; a fresh Kitsu has init-data's", async () => {
    const mock = Tracker.connect(new MockTracker());
    open.push(mock);
    expect(await studioOf(mock)).toEqual(freshKitsu);
    // The Kitsu-compatible server started empty seeds the same rows.
    expect(await studioOf(await kitsuOver(new MockTracker({ bare: true })))).toEqual(freshKitsu);
    // And over a default mock it adds nothing but the admin's login.
    expect(await studioOf(await kitsuOver(new MockTracker()))).toEqual(freshKitsu);
  });

  it("a bare MockTracker, on option or TRACKER_MOCK_SEED=bare, holds nothing at all", async () => {
    const fromOption = Tracker.connect(new MockTracker({ bare: true }));
    const fromEnv = await Tracker.fromEnv({ env: { TRACKER_TYPE: "mock", TRACKER_MOCK_SEED: "bare" }, envFile: false });
    open.push(fromOption, fromEnv);
    const empty = { departments: [], taskTypes: [], taskStatuses: [], assetTypes: [], persons: [] };
    expect(await studioOf(fromOption)).toEqual(empty);
    expect(await studioOf(fromEnv)).toEqual(empty);
  });

  it("task.comments.all() was newest first on Kitsu and oldest first on the mock", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh040" });
      const task = await shot.tasks.fetch("Animation");
      for (const text of ["first note", "second note", "third note"]) {
        await task.comments.new({ comment: text, status: "wip" });
      }
      return (await task.comments.all()).slice(0, 3).map((c) => c.text);
    });
    expect(kitsu).toEqual(["third note", "second note", "first note"]);
    expect(mock).toEqual(kitsu);
  });

  it("a comment's author was empty on the mock, the session's person on Kitsu", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const shot = await (await project.sequences.get({ name: "sq010" })).shots.get({ name: "sh050" });
      const comment = await (await shot.tasks.fetch("Layout")).comments.new({ comment: "framing", status: "wip" });
      return (await comment.author())?.name ?? null;
    });
    expect(kitsu).toBe("Super Admin");
    expect(mock).toBe(kitsu);
  });

  it("tracker.search found sequences, episodes and 2-character texts on the mock, none of them on Kitsu", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const search = async (text: string, kinds?: ("shot" | "asset" | "sequence" | "episode" | "person")[]) =>
        (await project.tracker.search(text, { project, ...(kinds ? { kinds } : {}) })).map(
          (e) => `${e.kind} ${e.name}`,
        );
      return {
        sequences: await search("sq010", ["sequence", "episode"]),
        short: await search("sh"),
        shots: await search("sq010 sh01", ["shot"]),
        assets: await search("Carr", ["asset"]),
        persons: await search("Chlo", ["person"]),
      };
    });
    expect(kitsu).toEqual({
      sequences: [],
      short: [],
      shots: ["shot sh010"],
      assets: ["asset Carrot"],
      persons: ["person Chloé Dubois"],
    });
    expect(mock).toEqual(kitsu);
  });

  it("tracker.raw was unsupported on the mock: it answers Kitsu's API paths, with the same errors", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const raw = project.tracker.raw;
      const statuses = await raw.get<{ short_name: string }[]>("data/task-status");
      const shots = await raw.get<{ name: string }[]>(`data/projects/${project.id}/shots`);
      const made = await raw.post<{ name: string; id: string }>(`data/projects/${project.id}/sequences`, {
        name: "sq_raw",
      });
      const renamed = await raw.put<{ description: string }>(`data/entities/${made.id}`, { description: "via raw" });
      const seen = await project.sequences.get({ name: "sq_raw" });
      const failure = async (call: Promise<unknown>) =>
        call.then(
          () => "no error",
          (error: unknown) => (isTrackerError(error) ? `${error.constructor.name} ${error.request?.status}` : "other"),
        );
      return {
        statuses: statuses.map((s) => s.short_name),
        shots: shots.length,
        made: [made.name, renamed.description, seen.description],
        missing: await failure(raw.get("data/projects/00000000-0000-4000-8000-000000000000")),
        unknownRoute: await failure(raw.get("data/no-such-route")),
        badBody: await failure(raw.post("data/projects", { production_type: "short" })),
        deleted: await raw.delete(`data/sequences/${made.id}?force=true`).then(() => "deleted"),
      };
    });
    expect(kitsu).toEqual({
      statuses: ["todo", "wip", "wfa", "retake", "done", "ready"],
      shots: 12,
      made: ["sq_raw", "via raw", "via raw"],
      missing: "NotFoundError 404",
      unknownRoute: "NotFoundError 404",
      badBody: "ValidationError 400",
      deleted: "deleted",
    });
    expect(mock).toEqual(kitsu);
  });

  it("person.departmentIds = [...]; save() changed nothing on the Kitsu-compatible server, silently", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const alice = await project.tracker.persons.get({ firstName: "Alice" });
      const fx = await project.tracker.departments.get({ name: "FX" });
      alice.departmentIds = [...alice.departmentIds, fx.id];
      await alice.save();
      await alice.refresh();
      return (await alice.departments()).map((d) => d.name).sort();
    });
    expect(kitsu).toEqual(["FX", "Modeling"]);
    expect(mock).toEqual(kitsu);
  });

  it("a person write Kitsu drops (an artist's own role or departments, an unknown department) is refused before any write", async () => {
    const { project, server } = await onKitsu();
    const artist = await server.users.addUser({ email: "artist@example.com", password: "artist-pass-1" });
    await project.team.add(artist.id);
    const artistProject = await openAs(server, "artist@example.com", "artist-pass-1");
    const me = await artistProject.tracker.load("person", artist.id);
    const fx = await artistProject.tracker.departments.get({ name: "FX" });
    me.departmentIds = [fx.id];
    me.lastName = "Renamed";
    await expect(me.save()).rejects.toThrow(PermissionError);
    const admin = await project.tracker.load("person", artist.id);
    expect([admin.departmentIds, admin.lastName]).toEqual([[], ""]);
    admin.departmentIds = [asId(randomUUID())];
    await expect(admin.save()).rejects.toThrow(NotFoundError);
    await admin.refresh();
    expect(admin.departmentIds).toEqual([]);
  });

  it("two identical shots.new() at once both returned the same shot on Kitsu: now one is a ConflictError on both", async () => {
    const { kitsu, mock } = await both(async (project) => {
      const sequence = await project.sequences.get({ name: "sq020" });
      const outcomes = await Promise.allSettled([
        sequence.shots.new({ name: "sh_twice", frameIn: 101, frameOut: 120 }),
        sequence.shots.new({ name: "sh_twice", frameIn: 101, frameOut: 120 }),
      ]);
      return {
        made: outcomes.filter((o) => o.status === "fulfilled").length,
        conflicts: outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError).length,
        stored: (await sequence.shots.filter({ name: "sh_twice" })).length,
      };
    });
    expect(kitsu).toEqual({ made: 1, conflicts: 1, stored: 1 });
    expect(mock).toEqual(kitsu);
  });
});
