import type { Id } from "@gadget/core/adapter";
import { MockTracker } from "../mock-tracker.js";
import { setCasting } from "../ops/casting.js";
import { createRow } from "../ops/crud.js";
import { addTeamMember, addToProject } from "../ops/project.js";
import { addPreviewFile, postComment, setMainPreview } from "../ops/reviews.js";
import { addPlaylistEntries, writeTimeSpent } from "../ops/work.js";
import type { Studio } from "../studio/studio.js";
import { fieldOf } from "../studio/table.js";
import { fakeMp4, solidPng } from "./demo-files.js";

/** Seed of the demo's ids and start of its clock: the demo is the same studio on every run. */
export const DEMO_SEED = 2026;
const DEMO_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** The statuses the demo's tasks go through: a fresh Kitsu's. */
const statusNames = ["todo", "ready", "wip", "wfa", "retake", "done"] as const;
type StatusName = (typeof statusNames)[number];

/** The fresh Kitsu's task types the demo uses, each with the department whose artist does it. */
const taskTypes = [
  { name: "Concept", dept: "Modeling" },
  { name: "Modeling", dept: "Modeling" },
  { name: "Shading", dept: "Modeling" },
  { name: "Rigging", dept: "Animation" },
  { name: "Storyboard", dept: "Animation" },
  { name: "Layout", dept: "Animation" },
  { name: "Animation", dept: "Animation" },
  { name: "Lighting", dept: "Compositing" },
  { name: "Compositing", dept: "Compositing" },
] as const;

const people = [
  { firstName: "Alice", lastName: "Martin", dept: "Modeling", role: "user" },
  { firstName: "Bruno", lastName: "Costa", dept: "Animation", role: "user" },
  { firstName: "Chloé", lastName: "Dubois", dept: "Compositing", role: "user" },
  { firstName: "Dana", lastName: "Kim", dept: "Animation", role: "supervisor" },
] as const;

const assets = [
  { name: "Bunny", type: "Character" },
  { name: "Fox", type: "Character" },
  { name: "Owl", type: "Character" },
  { name: "Carrot", type: "Prop" },
  { name: "Lantern", type: "Prop" },
  { name: "Basket", type: "Prop" },
  { name: "Forest", type: "Environment" },
  { name: "Burrow", type: "Environment" },
] as const;

/** Shot lengths in frames; every shot starts at frame 101. */
const shotLengths = [48, 72, 36, 96, 60, 84];

/** The comment history that leads a task to each status (the last comment sets it). */
const historyOf: Record<StatusName, readonly StatusName[]> = {
  todo: [],
  ready: ["ready"],
  wip: ["wip"],
  wfa: ["wip", "wfa"],
  retake: ["wfa", "retake"],
  done: ["wfa", "done"],
};
const mix: readonly StatusName[] = ["done", "wfa", "wip", "todo", "retake", "ready", "done", "wip", "todo"];

/**
 * "Bunny Escape", a short film on a fresh Kitsu (its task types, statuses, departments, asset
 * types and admin): 2 sequences of 6 shots with frame ranges, 8 assets of 3 types cast in the
 * shots, 4 artists in 3 departments, tasks in a mix of statuses with comments, previews (PNG and
 * MP4-like bytes), time spent, a playlist.
 */
export function demoTracker(): MockTracker {
  let tick = DEMO_START;
  let seeded = false;
  // The seed is stamped by a fixed clock (the same studio on every run); later writes by the wall
  // clock, as on a real tracker, so that `events.since(aMomentAgo)` and live replays find them.
  const now = () => {
    if (seeded) return new Date(Math.max(Date.now(), tick + 1));
    tick += 60_000;
    return new Date(tick);
  };
  const tracker = new MockTracker({ seed: DEMO_SEED, now });
  const s = tracker.studio;
  s.silent = true;
  try {
    buildDemo(s);
  } finally {
    s.silent = false;
    seeded = true;
  }
  return tracker;
}

/**
 * A row of the fresh studio the demo starts from, by name; of two task types of one name (init-data's
 * "Concept"), the one for shots or assets, which the demo's tasks are on.
 */
function named<K extends "taskStatus" | "department" | "taskType" | "assetType">(s: Studio, kind: K, name: string) {
  const rows = s.table(kind).rowsWhere("name", name);
  const row = rows.find((r) => fieldOf(r, "forEntity") !== "concept") ?? rows[0];
  if (!row) throw new Error(`The fresh studio lacks the ${kind} "${name}" the demo uses`);
  return row;
}

function buildDemo(s: Studio): void {
  const status = Object.fromEntries(
    statusNames.map((short) => [short, [...s.table("taskStatus").values()].find((x) => x.shortName === short)?.id]),
  ) as Record<StatusName, Id>;
  const dept = Object.fromEntries(
    ["Modeling", "Animation", "Compositing"].map((name) => [name, named(s, "department", name).id]),
  );
  const type = Object.fromEntries(taskTypes.map((t) => [t.name, named(s, "taskType", t.name)]));
  const workers = Object.fromEntries(taskTypes.map((t) => [t.name, dept[t.dept] as Id]));
  const persons = people.map((p) =>
    createRow(s, "person", {
      firstName: p.firstName,
      lastName: p.lastName,
      email: `${p.firstName
        .normalize("NFD")
        .replace(/[^A-Za-z]/g, "")
        .toLowerCase()}@bunny-escape.example.com`,
      desktopLogin: p.firstName.toLowerCase(),
      role: p.role,
      departmentIds: [dept[p.dept] as Id],
    }),
  );
  const project = createRow(s, "project", {
    name: "Bunny Escape",
    code: "BE",
    productionType: "short",
    fps: 24,
    ratio: "16:9",
    resolution: "1920x1080",
    startDate: "2026-01-05",
    endDate: "2026-06-30",
  });
  for (const p of persons) addTeamMember(s, project.id, p.id);
  for (const id of Object.values(status)) addToProject(s, project.id, "taskStatus", id);
  for (const t of Object.values(type)) addToProject(s, project.id, "taskType", t.id);
  const assetType = Object.fromEntries(
    ["Character", "Prop", "Environment"].map((name) => [name, named(s, "assetType", name).id]),
  );
  for (const id of Object.values(assetType)) addToProject(s, project.id, "assetType", id as Id);

  const assetIds = assets.map(
    (a) => createRow(s, "asset", { name: a.name, projectId: project.id, assetTypeId: assetType[a.type] as Id }).id,
  );
  const shots: Id[] = [];
  for (const [q, seqName] of ["sq010", "sq020"].entries()) {
    const sequence = createRow(s, "sequence", { name: seqName, projectId: project.id });
    for (const [i, length] of shotLengths.entries()) {
      const name = `sh${String((i + 1) * 10).padStart(3, "0")}`;
      const frames = { frameIn: 101, frameOut: 100 + length + q * 12 };
      const shot = createRow(s, "shot", { name, projectId: project.id, sequenceId: sequence.id, ...frames });
      shots.push(shot.id);
      const cast = [assetIds[(i + q) % 3], assetIds[3 + ((i + 2 * q) % 3)], assetIds[6 + (i % 2)]];
      setCasting(
        s,
        shot.id,
        cast.map((assetId, n) => ({ assetId: assetId as Id, occurrences: n === 0 && i % 3 === 0 ? 2 : 1, label: "" })),
      );
    }
  }

  const workerOf = (typeName: string) =>
    persons.find((p) => p.departmentIds.includes(workers[typeName] as Id) && p.role === "user")?.id;
  const lead = persons[3]?.id as Id;
  let n = 0;
  const makeTasks = (entityId: Id, typeNames: readonly string[]) => {
    for (const typeName of typeNames) {
      const worker = workerOf(typeName) as Id;
      const task = createRow(s, "task", { entityId, taskTypeId: type[typeName]?.id as Id, assigneeIds: [worker] });
      const target = mix[n++ % mix.length] as StatusName;
      for (const step of historyOf[target]) {
        const author = step === "retake" || step === "done" ? lead : worker;
        const comment = postComment(s, task.id, {
          statusId: status[step],
          text: noteFor(step, typeName),
          authorId: author,
        });
        if (step === "wfa") {
          const movie = typeName !== "Concept" && typeName !== "Modeling" && typeName !== "Shading";
          const base = `${typeName.toLowerCase()}_v001`;
          const bytes = movie ? fakeMp4(`${entityId} ${typeName}`) : solidPng(32, 18, [40 + (n % 5) * 40, 120, 200]);
          const file = {
            fileName: `${base}.${movie ? "mp4" : "png"}`,
            contentType: movie ? "video/mp4" : "image/png",
            bytes,
          };
          const preview = addPreviewFile(s, task.id, comment.id, file);
          setMainPreview(s, preview.id);
        }
      }
      if (target !== "todo" && target !== "ready") writeTimeSpent(s, "set", task.id, worker, "2026-01-07", 3 * 3600);
    }
  };
  for (const [i, id] of assetIds.entries()) {
    makeTasks(id, i < 3 ? ["Concept", "Modeling", "Shading", "Rigging"] : ["Concept", "Modeling", "Shading"]);
  }
  for (const [i, id] of shots.entries()) {
    makeTasks(
      id,
      i < 6
        ? ["Storyboard", "Layout", "Animation", "Lighting", "Compositing"]
        : ["Layout", "Animation", "Lighting", "Compositing"],
    );
  }
  const playlist = createRow(s, "playlist", { name: "Dailies 2026-01-09", projectId: project.id, forEntity: "shot" });
  addPlaylistEntries(
    s,
    playlist.id,
    shots.slice(0, 4).map((entityId) => ({ entityId, previewId: s.find("shot", entityId)?.previewId ?? null })),
  );
}

function noteFor(step: StatusName, typeName: string): string {
  const notes: Record<StatusName, string> = {
    todo: "",
    ready: `${typeName} can start.`,
    wip: `Starting ${typeName.toLowerCase()}.`,
    wfa: `${typeName} ready for review.`,
    retake: "Push the poses further, please.",
    done: "Approved, great work.",
  };
  return notes[step];
}
