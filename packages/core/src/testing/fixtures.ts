import type { TrackerAdapter } from "../adapter/contract.js";
import type { Id } from "../schema/common.js";
import type { CreateData } from "../schema/kinds.js";
import type { PersonRecord } from "../schema/people.js";
import type { AssetTypeRecord, ProjectRecord, SequenceRecord } from "../schema/production.js";
import type { TaskStatusRecord, TaskTypeRecord } from "../schema/tasks.js";

/** The statuses the suite comments with; `retake` is the only one with `isRetake`. */
export interface StatusSet {
  todo: TaskStatusRecord;
  wip: TaskStatusRecord;
  wfa: TaskStatusRecord;
  retake: TaskStatusRecord;
  done: TaskStatusRecord;
}

/** What every section builds on: one fresh project, with the studio records it needs enabled. */
export interface Fixtures {
  project: ProjectRecord;
  sequence: SequenceRecord;
  assetType: AssetTypeRecord;
  shotTaskType: TaskTypeRecord;
  assetTaskType: TaskTypeRecord;
  status: StatusSet;
  persons: readonly [PersonRecord, PersonRecord];
}

/** Studio-wide records the suite created (not reused), to remove after the run. */
export type Created = { kind: "taskType" | "taskStatus" | "assetType" | "person" | "department"; id: Id };

type StatusSpec = CreateData<"taskStatus">;

const statusSpecs: Record<keyof StatusSet, StatusSpec> = {
  todo: { name: "Todo", shortName: "todo", color: "#f5f5f5" },
  wip: { name: "Work In Progress", shortName: "wip", color: "#3273dc", isWip: true },
  wfa: { name: "Waiting For Approval", shortName: "wfa", color: "#ab26ff", isFeedbackRequest: true },
  retake: { name: "Retake", shortName: "retake", color: "#ff3860", isRetake: true },
  done: { name: "Done", shortName: "done", color: "#22d160", isDone: true },
};

/**
 * Finds the studio's status with the short name of `spec` when its retake flag is the one the
 * suite relies on; otherwise creates one with a suffixed short name (never a default status, so
 * a real studio's default stays as it is).
 */
async function statusFor(
  adapter: TrackerAdapter,
  spec: StatusSpec,
  suffix: string,
  created: Created[],
): Promise<TaskStatusRecord> {
  const { items } = await adapter.query("taskStatus", { shortName: spec.shortName });
  const fit = items.find((s) => s.shortName === spec.shortName && s.isRetake === (spec.isRetake ?? false));
  if (fit) return fit;
  // Short names are unique studio-wide: suffix ours only when the canonical one is taken.
  const taken = items.some((s) => s.shortName === spec.shortName);
  const own = await adapter.create(
    "taskStatus",
    taken
      ? { ...spec, name: `${spec.name} ${suffix}`, shortName: `${spec.shortName.slice(0, 3)}${suffix.slice(0, 6)}` }
      : spec,
  );
  created.push({ kind: "taskStatus", id: own.id });
  return own;
}

async function taskTypeFor(
  adapter: TrackerAdapter,
  name: string,
  forShots: boolean,
  suffix: string,
  created: Created[],
): Promise<TaskTypeRecord> {
  const { items } = await adapter.query("taskType", { name });
  const fit = items.find((t) => t.name === name && t.forShots === forShots);
  if (fit) return fit;
  const own = await adapter.create("taskType", { name: items.length ? `${name} ${suffix}` : name, forShots });
  created.push({ kind: "taskType", id: own.id });
  return own;
}

async function assetTypeFor(adapter: TrackerAdapter, name: string, created: Created[]): Promise<AssetTypeRecord> {
  const { items } = await adapter.query("assetType", { name });
  const fit = items.find((t) => t.name === name);
  if (fit) return fit;
  const own = await adapter.create("assetType", { name });
  created.push({ kind: "assetType", id: own.id });
  return own;
}

async function newPerson(adapter: TrackerAdapter, n: number, suffix: string, created: Created[]) {
  const person = await adapter.create("person", {
    firstName: "Gadget",
    lastName: `Artist${n} ${suffix}`,
    email: `gadget-artist${n}-${suffix}@example.com`,
    role: "user",
  });
  created.push({ kind: "person", id: person.id });
  return person;
}

/** Builds the fixtures through the contract; `created` collects what must be removed afterwards. */
export async function buildFixtures(adapter: TrackerAdapter, suffix: string, created: Created[]): Promise<Fixtures> {
  const statusOf = (key: keyof StatusSet) => statusFor(adapter, statusSpecs[key], suffix, created);
  const status: StatusSet = {
    todo: await statusOf("todo"),
    wip: await statusOf("wip"),
    wfa: await statusOf("wfa"),
    retake: await statusOf("retake"),
    done: await statusOf("done"),
  };
  const shotTaskType = await taskTypeFor(adapter, "Animation", true, suffix, created);
  const assetTaskType = await taskTypeFor(adapter, "Modeling", false, suffix, created);
  const assetType = await assetTypeFor(adapter, "Character", created);

  let project = await adapter.create("project", { name: `Gadget Compliance ${suffix}`, productionType: "short" });
  for (const s of Object.values(status)) project = await adapter.addToProject(project.id, "taskStatus", s.id);
  project = await adapter.addToProject(project.id, "taskType", shotTaskType.id);
  project = await adapter.addToProject(project.id, "taskType", assetTaskType.id);
  project = await adapter.addToProject(project.id, "assetType", assetType.id);

  const persons = [await newPerson(adapter, 1, suffix, created), await newPerson(adapter, 2, suffix, created)] as const;
  for (const p of persons) project = await adapter.addTeamMember(project.id, p.id);

  const sequence = await adapter.create("sequence", { name: "sq_main", projectId: project.id });
  return { project, sequence, assetType, shotTaskType, assetTaskType, status, persons };
}
