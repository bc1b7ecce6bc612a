import type {
  CreatableKind,
  CreateData,
  CustomData,
  Id,
  Kind,
  RecordFields,
  RemoveResult,
  UpdatableKind,
} from "@gadget/core/adapter";
import { checkParents, kinds, planRemove, uniqueConflict, ValidationError } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { type BaseRow, fieldOf } from "../studio/table.js";
import { builders, framesOf, fullName } from "./build.js";
import { heldBy, removeComment, removeProject, removeTask } from "./cascade.js";
import { dropFromCasting } from "./casting.js";

type ZodIssues = Parameters<typeof ValidationError.fromZod>[1];
/** The part of a zod schema used here (zod itself is core's dependency, not this package's). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodIssues };
}

function parse<T>(schema: Schema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(what, result.error);
  return result.data;
}

/**
 * Custom data as a tracker that stores JSON gives it back (Kitsu keeps it in a JSONB column): a Date
 * becomes its ISO string, NaN and Infinity become null, undefined keys disappear. Storing it as
 * given would let a tool pass on the mock what it reads back differently on Kitsu.
 */
export const asStoredJson = (data: CustomData): CustomData => JSON.parse(JSON.stringify(data)) as CustomData;

/**
 * An empty description is no description: Kitsu reads Zou's "" (its column default) back as null,
 * so the mock stores "" as null too.
 */
function blankDescription<T extends object>(fields: T): T {
  return fieldOf(fields, "description") === "" ? { ...fields, description: null } : fields;
}

/** A checked create input: the fields its row will have, before it gets an id. */
export interface NewRow<K extends CreatableKind> {
  customData: CustomData;
  fields: Omit<Stored<K>, "id" | "createdAt" | "updatedAt" | "customData">;
}

/**
 * ConflictError when `row` clashes on a unique key (the tracker rules) with another stored row: a
 * new row on the keys checked on create, a changed one (`self`) on the keys its change touches, so
 * that records a snapshot brought in as duplicates can still be edited otherwise.
 */
function assertUnique(studio: Studio, kind: Kind, row: object, self?: { id: Id; changed: readonly string[] }): void {
  for (const { key, ids } of studio.table(kind).clashes(row)) {
    const checked = self ? key.fields.some((f) => self.changed.includes(f)) : key.onCreate !== false;
    if (checked && [...ids].some((id) => id !== self?.id)) throw uniqueConflict(kind, key, row as RecordFields);
  }
}

/** Checks the references of an input against the store, as the tracker rules' `parents` declare them. */
const assertParents = (studio: Studio, kind: Kind, input: object) =>
  checkParents(studio.rules, kind, input as RecordFields, (k, id) => studio.find(k, id as Id));

/** Parses a create input and checks it against the store (references, unique keys) without writing. */
export function checkNewRow<K extends CreatableKind>(studio: Studio, kind: K, input: unknown): NewRow<K> {
  const schema = kinds[kind].create as Schema<CreateData<K>>;
  const data = parse(schema, input, `${kind} input`);
  assertParents(studio, kind, data);
  const given = fieldOf(data, "customData") as CustomData | undefined;
  const fields = blankDescription(builders[kind](studio, data));
  assertUnique(studio, kind, fields);
  return { customData: given ? asStoredJson(given) : {}, fields };
}

/** Creates a row with Kitsu's rules and emits `<kind>:new`. */
export function createRow<K extends CreatableKind>(studio: Studio, kind: K, input: unknown): Stored<K> {
  const { customData, fields } = checkNewRow(studio, kind, input);
  const now = studio.now();
  // Base literal first, fields spread after: V8 builds `{ ...base, ...fields }` through a slow path
  // (fifty times slower), which seeding 50k tasks would feel.
  const row = { id: studio.newId(), createdAt: now, updatedAt: now, customData, ...fields } as Stored<K>;
  studio.table(kind).insert(row);
  if (kind === "project") ensureFirstEpisode(studio, row as Stored<"project">);
  const base = row as BaseRow;
  if (kind === "shot") studio.emitCrud(kind, "new", base, { episodeId: fieldOf(row, "episodeId") });
  else if (kind === "asset") studio.emitCrud(kind, "new", base, { assetType: fieldOf(row, "assetTypeId") });
  else studio.emitCrud(kind, "new", base);
  return row;
}

/**
 * A tvshow has at least one episode: Zou creates "E01" with the project, and again on any update
 * of a tvshow project that has none (crud/project.py post_creation and post_update,
 * shots_service.get_or_create_first_episode), before it announces the project's write.
 */
function ensureFirstEpisode(studio: Studio, project: Stored<"project">): void {
  if (project.productionType !== "tvshow" || studio.table("episode").lookup("projectId", project.id).size > 0) return;
  createRow(studio, "episode", { name: "E01", projectId: project.id });
}

/** Creates rows in input order with no events (bulk seeding); returns their ids. */
export function insertRows(studio: Studio, kind: CreatableKind, inputs: readonly unknown[]): Id[] {
  const wasSilent = studio.silent;
  studio.silent = true;
  try {
    return inputs.map((input) => createRow(studio, kind, input).id);
  } finally {
    studio.silent = wasSilent;
  }
}

/** Kind-specific consequences of a patch (derived fields), then its references and unique keys checked. */
function adjust(studio: Studio, kind: Kind, row: BaseRow, changes: Record<string, unknown>): void {
  const get = (key: string) => fieldOf({ ...row, ...changes }, key);
  assertParents(studio, kind, { projectId: get("projectId"), ...changes });
  if (kind === "person" && ("firstName" in changes || "lastName" in changes)) {
    changes.name = fullName(String(get("firstName")), String(get("lastName")));
  }
  if (kind === "comment") {
    if ("text" in changes) changes.name = changes.text;
    if ("checklist" in changes) changes.checklist = checklistOf(changes.checklist as ChecklistIn[]);
  }
  if (kind === "shot") {
    if ("sequenceId" in changes) changes.episodeId = studio.require("sequence", changes.sequenceId as Id).episodeId;
    if (("frameIn" in changes || "frameOut" in changes) && !("nbFrames" in changes)) {
      const nb = framesOf(get("frameIn") as number | null, get("frameOut") as number | null, undefined);
      if (nb !== null) changes.nbFrames = nb;
    }
  }
  assertUnique(studio, kind, { ...row, ...changes }, { id: row.id, changed: Object.keys(changes) });
}

export interface ChecklistIn {
  text: string;
  checked?: boolean;
  frame?: number | null;
  revision?: number | null;
}

/** Checklist items get an index-based id, as the Kitsu codec gives them. */
export const checklistOf = (items: readonly ChecklistIn[]) =>
  items.map((item, i) => ({
    id: String(i),
    text: item.text,
    checked: item.checked ?? false,
    frame: item.frame ?? null,
    revision: item.revision ?? null,
  }));

/** Applies only the keys given; customData merges key by key (null stores null). */
export function updateRow<K extends UpdatableKind>(studio: Studio, kind: K, id: Id, patch: unknown): Stored<K> {
  const row = studio.require(kind, id) as BaseRow;
  const data = parse(kinds[kind].update as Schema<Record<string, unknown>>, patch, `${kind} update`);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(blankDescription(data))) {
    if (value === undefined) continue;
    changes[key] = key === "customData" ? { ...row.customData, ...asStoredJson(value as CustomData) } : value;
  }
  adjust(studio, kind, row, changes);
  changes.updatedAt = studio.now();
  const updated = studio.table(kind).patch(id, changes as Partial<Stored<K>>);
  if (kind === "project") ensureFirstEpisode(studio, updated as Stored<"project">);
  if (kind === "project") studio.emit("project:update", id, id, { projectId: id });
  else if (kind === "comment") studio.emitCrud(kind, "update", row, { taskId: fieldOf(row, "taskId") });
  else studio.emitCrud(kind, "update", row);
  return updated;
}

/**
 * Kitsu's delete, as the tracker rules' `remove` say: a project must be closed first; what still
 * points at a record cancels it (a shot or asset with tasks), or refuses the delete (a sequence, an
 * episode, an asset type), unless forced; forced, each dependent is removed with force as Zou's
 * remove_sequence and remove_episode do (events included). A project takes its content along
 * silently (see removeProject), tasks and comments their reviews; other kinds go alone.
 */
export function removeRow(studio: Studio, kind: Kind, id: Id, force = false): RemoveResult {
  const row = studio.require(kind, id) as BaseRow;
  const held = heldBy(studio, kind, id);
  const counts = Object.fromEntries(Object.entries(held).map(([k, ids]) => [k, ids.length]));
  if (planRemove(studio.rules, kind, row as unknown as RecordFields, counts, force) === "cancel") {
    studio.table(kind).patch(id, { canceled: true, updatedAt: studio.now() });
    // Zou's remove_scene announces scene:delete whether it deleted or canceled the scene.
    studio.emitCrud(kind, kind === "scene" ? "delete" : "update", row);
    return { outcome: "canceled" };
  }
  if (kind === "task") {
    removeTask(studio, id);
    return { outcome: "deleted" };
  }
  if (kind === "project") removeProject(studio, id);
  else {
    for (const [child, ids] of Object.entries(held))
      for (const childId of ids) removeRow(studio, child as Kind, childId, true);
    dropFromCasting(studio, id);
    if (kind === "comment") removeComment(studio, id);
    else studio.table(kind).delete(id);
  }
  studio.emitCrud(kind, "delete", row);
  return { outcome: "deleted" };
}
