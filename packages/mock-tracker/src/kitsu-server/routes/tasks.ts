import { asId, ConflictError, type Id, type TaskRecord, ValidationError } from "@gadget/core";
import { toSeconds } from "../codec/common.js";
import { task, timeSpent } from "../codec/tasks.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes, rejectUnknownKeys } from "./crud.js";
import { findEntity } from "./entity-io.js";
import { all, findOr404, maybe, objectBody, optId, type Row, requireManager, str, typedId } from "./helpers.js";
import { afterAssign, afterFirstTimeEntry } from "./side-events.js";
import { fullTask, todoRow } from "./task-rows.js";

/* Tasks: crud, bulk creation, assignment, time spent (zou.md §2.6; recorded 127–175). */

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

async function createTask(ctx: ServerContext, body: Row, req: ZouRequest): Promise<TaskRecord> {
  const entityId = optId(body.entity_id);
  const taskTypeId = optId(body.task_type_id);
  if (!entityId || !taskTypeId) throw zou.missingField();
  const found = await findEntity(ctx, entityId);
  const type = await maybe(ctx.tracker, "taskType", taskTypeId);
  if (!found || !type) throw zou.integrity("The change conflicts with records referencing this one.");
  if (type.forShots !== (found.kind !== "asset"))
    throw zou.badRequest("Task type of the task does not match entity type.");
  try {
    const t = await ctx.tracker.create("task", {
      entityId,
      taskTypeId,
      name: str(body.name) ?? "main",
      ...(optId(body.task_status_id) ? { statusId: optId(body.task_status_id) } : {}),
      assigneeIds: Array.isArray(body.assignees) ? body.assignees.map(String).map(asId) : [],
    });
    ctx.state.setExtra(t.id, { assigner_id: optId(body.assigner_id) ?? req.actor.personId });
    return t;
  } catch (error) {
    if (error instanceof ConflictError) throw zou.integrity("Task already exists.");
    throw error;
  }
}

const tasks: CrudModel = {
  path: "tasks",
  relations: { assignees: "omit" },
  list: async (ctx) => (await all(ctx.tracker, "task")).map((t) => task(t, ctx.state, true)),
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
    const patch: Record<string, unknown> = {};
    for (const f of ["start_date", "due_date"] as const) {
      if (f in body) patch[f === "start_date" ? "startDate" : "dueDate"] = dayOf(f, body[f]);
    }
    if (typeof body.estimation === "number") patch.estimation = toSeconds(body.estimation);
    if (typeof body.priority === "number") patch.priority = body.priority;
    if (typeof body.difficulty === "number") patch.difficulty = body.difficulty;
    if (str(body.name)) patch.name = body.name;
    if (body.description !== undefined) patch.description = body.description;
    if (body.data && typeof body.data === "object" && Object.keys(body.data).length > 0) patch.customData = body.data;
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

async function timeRoute(req: ZouRequest, ctx: ServerContext, add: boolean) {
  const t = await findOr404(ctx.tracker, "task", typedId(req.params.taskId));
  const personId = typedId(req.params.personId);
  const body = await objectBody(req);
  const duration = Number(body.duration);
  if (!Number.isFinite(duration) || duration <= 0) {
    throw zou.validation([{ field: "duration", message: "Input should be greater than 0" }]);
  }
  if (!t.assigneeIds.includes(personId)) throw zou.forbidden();
  if (req.actor.role !== "admin" && req.actor.role !== "manager" && req.actor.personId !== personId)
    throw zou.forbidden();
  const day = req.params.date ?? "";
  const first = !(await all(ctx.tracker, "timeSpent", { taskId: t.id })).some(
    (r) => r.personId === personId && r.date === day,
  );
  try {
    const record = add
      ? await ctx.tracker.addTimeSpent(t.id, personId, day, toSeconds(duration))
      : await ctx.tracker.setTimeSpent(t.id, personId, day, toSeconds(duration));
    if (first) afterFirstTimeEntry(ctx, personId);
    return created(timeSpent(record));
  } catch (error) {
    if (error instanceof ValidationError) throw zou.wrongParameter("Wrong date format.");
    throw error;
  }
}

async function timeSheet(ctx: ServerContext, taskId: Id, date?: string) {
  const rows = (await all(ctx.tracker, "timeSpent", { taskId })).filter((r) => !date || r.date === date);
  const out: Record<string, unknown> = { total: rows.reduce((n, r) => n + r.duration / 60, 0) };
  for (const r of rows) out[r.personId] = [...((out[r.personId] as Row[] | undefined) ?? []), timeSpent(r)];
  return out;
}

function bulkCreate(kind: "shots" | "assets"): RouteDef {
  return {
    method: "POST",
    pattern: `/actions/projects/:projectId/task-types/:taskTypeId/${kind}/create-tasks`,
    handler: async (req, ctx) => {
      requireManager(req);
      const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
      const type = await findOr404(ctx.tracker, "taskType", typedId(req.params.taskTypeId));
      const body = await req.json().catch(() => []);
      const listed = Array.isArray(body) ? body.map(String).map(asId) : [];
      const entities =
        listed.length > 0
          ? listed
          : (await all(ctx.tracker, kind === "shots" ? "shot" : "asset", { projectId: project.id })).map((e) => e.id);
      const existing = await all(ctx.tracker, "task", { projectId: project.id, taskTypeId: type.id });
      const statuses = new Map((await all(ctx.tracker, "taskStatus")).map((s) => [s.id as string, s]));
      const out: Row[] = [];
      for (const entityId of entities) {
        if (existing.some((t) => t.entityId === entityId)) continue;
        const t = await ctx.tracker.create("task", { entityId, taskTypeId: type.id });
        ctx.state.setExtra(t.id, { assigner_id: req.actor.personId });
        const s = statuses.get(t.statusId);
        out.push({
          ...task(t, ctx.state, true),
          task_status_name: s?.name ?? null,
          task_status_short_name: s?.shortName ?? null,
          task_status_color: s?.color ?? null,
          task_type_name: type.name,
          task_type_color: type.color,
          task_type_priority: type.priority,
        });
      }
      return created(out);
    },
  };
}

export const taskRoutes: RouteDef[] = [
  ...crudRoutes(tasks),
  bulkCreate("shots"),
  bulkCreate("assets"),
  {
    method: "PUT",
    pattern: "/actions/tasks/:taskId/assign",
    handler: async (req, ctx) => {
      const body = await objectBody(req);
      const personId = optId(body.person_id);
      if (!personId || !(await maybe(ctx.tracker, "person", personId))) {
        return { status: 400, json: { error: "Assignee doesn't exist in database." } };
      }
      const t = await ctx.tracker.assign(typedId(req.params.taskId), [personId]);
      afterAssign(ctx, t, [personId], req.actor.personId);
      return ok(task(t, ctx.state, true));
    },
  },
  {
    method: "PUT",
    pattern: "/actions/persons/:personId/assign",
    handler: async (req, ctx) => {
      requireManager(req);
      const body = await objectBody(req);
      const personId = typedId(req.params.personId);
      const ids = Array.isArray(body.task_ids) ? body.task_ids.map(String).map(asId) : [];
      const out: Row[] = [];
      for (const id of ids) {
        const t = await ctx.tracker.assign(id, [personId]);
        afterAssign(ctx, t, [personId], req.actor.personId);
        out.push(task(t, ctx.state, true));
      }
      return ok(out);
    },
  },
  {
    method: "PUT",
    pattern: "/actions/tasks/clear-assignation",
    handler: async (req, ctx) => {
      requireManager(req);
      const body = await objectBody(req);
      const ids = Array.isArray(body.task_ids) ? body.task_ids.map(String).map(asId) : [];
      const only = optId(body.person_id);
      const touched: string[] = [];
      for (const id of ids) {
        const t = await maybe(ctx.tracker, "task", id);
        if (!t) continue;
        const people = only ? t.assigneeIds.filter((p) => p === only) : t.assigneeIds;
        if (people.length === 0) continue;
        await ctx.tracker.unassign(id, people);
        touched.push(id);
      }
      return ok(touched);
    },
  },
  {
    method: "POST",
    pattern: "/actions/tasks/:taskId/time-spents/:date/persons/:personId",
    handler: (req, ctx) => timeRoute(req, ctx, false),
  },
  {
    method: "POST",
    pattern: "/actions/tasks/:taskId/time-spents/:date/persons/:personId/add",
    handler: (req, ctx) => timeRoute(req, ctx, true),
  },
  {
    method: "GET",
    pattern: "/actions/tasks/:taskId/time-spents",
    handler: async (req, ctx) => ok(await timeSheet(ctx, typedId(req.params.taskId))),
  },
  {
    method: "GET",
    pattern: "/actions/tasks/:taskId/time-spents/:date",
    handler: async (req, ctx) => ok(await timeSheet(ctx, typedId(req.params.taskId), req.params.date)),
  },
  {
    method: "GET",
    pattern: "/data/persons/:personId/tasks",
    handler: async (req, ctx) => {
      const personId = typedId(req.params.personId);
      const list = (await all(ctx.tracker, "task")).filter((t) => t.assigneeIds.includes(personId));
      return ok(await Promise.all(list.map((t) => todoRow(ctx, t))));
    },
  },
  {
    method: "GET",
    pattern: "/data/user/tasks",
    auth: "person",
    handler: async (req, ctx) => {
      const list = (await all(ctx.tracker, "task")).filter((t) => t.assigneeIds.includes(req.actor.personId as Id));
      return ok(await Promise.all(list.map((t) => todoRow(ctx, t))));
    },
  },
  {
    method: "GET",
    pattern: "/data/tasks/:taskId/full",
    handler: async (req, ctx) =>
      ok(await fullTask(ctx, await findOr404(ctx.tracker, "task", typedId(req.params.taskId)))),
  },
];
