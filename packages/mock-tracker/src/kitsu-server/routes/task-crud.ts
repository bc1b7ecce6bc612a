import { asId, ConflictError, type TaskRecord, taskTypeFits } from "@gadget/core/adapter";
import { minutesToSeconds } from "../codec/common.js";
import { task } from "../codec/tasks.js";
import type { ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes, rejectUnknownKeys } from "./crud.js";
import { findEntity } from "./entity-io.js";
import { all, findOr404, maybe, optId, type Row, requireManager, str, trackerWhere } from "./helpers.js";

/* `/data/tasks` crud (zou.md §2.2, §2.6; recorded 127–143). */

const taskColumns = [
  "name",
  "description",
  "priority",
  "difficulty",
  "duration",
  "estimation",
  "completion_rate",
  "retake_count",
  "sort_order",
  "start_date",
  "due_date",
  "real_start_date",
  "end_date",
  "done_date",
  "last_comment_date",
  "nb_assets_ready",
  "data",
  "nb_drawings",
  "shotgun_id",
  "last_preview_file_id",
  "project_id",
  "task_type_id",
  "task_status_id",
  "entity_id",
  "assigner_id",
  "assignees",
];

/** Id filters the tracker applies itself, so that a task list reads only the tasks in scope. */
const taskScope = {
  id: "id",
  project_id: "projectId",
  entity_id: "entityId",
  task_type_id: "taskTypeId",
  task_status_id: "statusId",
};

const isoDay = /^\d{4}-\d{2}-\d{2}/;

function dayOf(field: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "string" || !isoDay.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    throw zou.wrongParameter(
      `Invalid date format for '${field}': ${typeof value === "string" ? `'${value}'` : String(value)}. Expected an ISO 8601 date or datetime.`,
    );
  }
  return value.slice(0, 10);
}

/** The task columns a crud body sets, as model fields (POST stores every column it is given, §2.2). */
function columnsOf(body: Row): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of ["start_date", "due_date"] as const) {
    if (f in body) fields[f === "start_date" ? "startDate" : "dueDate"] = dayOf(f, body[f]);
  }
  if (typeof body.estimation === "number") fields.estimation = minutesToSeconds(body.estimation);
  if (typeof body.priority === "number") fields.priority = body.priority;
  if (typeof body.difficulty === "number") fields.difficulty = body.difficulty;
  if (body.description !== undefined) fields.description = body.description;
  if (body.data && typeof body.data === "object" && !Array.isArray(body.data)) fields.customData = body.data;
  return fields;
}

async function createTask(ctx: ServerContext, body: Row, req: ZouRequest): Promise<TaskRecord> {
  const entityId = optId(body.entity_id);
  const taskTypeId = optId(body.task_type_id);
  if (!entityId || !taskTypeId) throw zou.missingField();
  const found = await findEntity(ctx, entityId);
  const type = await maybe(ctx.tracker, "taskType", taskTypeId);
  if (!found || !type) throw zou.integrity("The change conflicts with records referencing this one.");
  if (!taskTypeFits(type.forEntity, found.kind))
    throw zou.badRequest("Task type of the task does not match entity type.");
  try {
    const t = await ctx.tracker.create("task", {
      entityId,
      taskTypeId,
      name: str(body.name) ?? "main",
      ...(optId(body.task_status_id) ? { statusId: optId(body.task_status_id) } : {}),
      assigneeIds: Array.isArray(body.assignees) ? body.assignees.map(String).map(asId) : [],
      ...columnsOf(body),
    });
    ctx.state.setExtra(t.id, { assigner_id: optId(body.assigner_id) ?? req.actor.personId });
    return t;
  } catch (error) {
    if (error instanceof ConflictError) throw zou.integrity("Task already exists.");
    throw error;
  }
}

/** A task row of the crud list, relations included. */
const listRow = (ctx: ServerContext, t: TaskRecord): Row => task(t, ctx.state, true);

const tasks: CrudModel = {
  path: "tasks",
  relations: { assignees: "omit" },
  list: async (ctx, req) =>
    (await all(ctx.tracker, "task", trackerWhere(req.query, taskScope))).map((t) => listRow(ctx, t)),
  // The pages the Kitsu adapter reads for a project's or an entity's tasks.
  stored: { kind: "task", columns: { project_id: "projectId", entity_id: "entityId" }, row: listRow },
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "task", id);
    return t && task(t, ctx.state, true);
  },
  create: async (ctx, body, req) => {
    rejectUnknownKeys(body, taskColumns, "Task");
    return task(await createTask(ctx, body, req), ctx.state, true);
  },
  update: async (ctx, id, body, req) => {
    requireManager(req);
    await findOr404(ctx.tracker, "task", id);
    const { customData, ...columns } = columnsOf(body);
    const patch: Record<string, unknown> = { ...columns };
    if (str(body.name)) patch.name = body.name;
    // An empty `data` leaves the task's data alone; a non-empty one is merged (§2.2).
    if (customData && Object.keys(customData).length > 0) patch.customData = customData;
    let t = await ctx.tracker.update("task", id, patch);
    if (Array.isArray(body.assignees)) {
      const wanted = body.assignees.map(String).map(asId);
      const removed = t.assigneeIds.filter((p) => !wanted.includes(p));
      const added = wanted.filter((p) => !t.assigneeIds.includes(p));
      if (removed.length > 0) t = await ctx.tracker.unassign(id, removed);
      if (added.length > 0) t = await ctx.tracker.assign(id, added);
    }
    return task(t, ctx.state, true);
  },
  remove: async (ctx, id, req) => {
    requireManager(req);
    await findOr404(ctx.tracker, "task", id);
    await ctx.tracker.remove("task", id, { force: true });
  },
};
export const taskCrudRoutes = crudRoutes(tasks);
