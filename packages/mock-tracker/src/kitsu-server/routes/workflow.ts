import { ConflictError, kindOfZouForEntity } from "@gadget/core/adapter";
import { taskStatus, taskType } from "../codec/tasks.js";
import type { RouteDef } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, maybe, optId, type Row, requireAdmin, str } from "./helpers.js";

/* Task types and task statuses crud, the studio's workflow (zou.md §2.7; recorded 027, 028). */

const taskTypes: CrudModel = {
  path: "task-types",
  list: async (ctx) => (await all(ctx.tracker, "taskType")).map((t) => taskType(t, ctx.state)),
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "taskType", id);
    return t && taskType(t, ctx.state);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    const name = str(body.name);
    if (!name) throw zou.missingField();
    // Zou looks the name up exactly (TaskType.get_by), the rule the tracker's task type key states.
    const t = await ctx.tracker
      .create("taskType", {
        name,
        // Zou's column defaults to "Asset".
        forEntity: kindOfZouForEntity(body.for_entity) ?? "asset",
        ...(str(body.short_name) !== undefined ? { shortName: String(body.short_name) } : {}),
        ...(str(body.color) ? { color: String(body.color) } : {}),
        ...(typeof body.priority === "number" ? { priority: body.priority } : {}),
        ...(optId(body.department_id) ? { departmentId: optId(body.department_id) } : {}),
        ...(typeof body.allow_timelog === "boolean" ? { allowTimelog: body.allow_timelog } : {}),
      })
      .catch((error: unknown) => {
        throw error instanceof ConflictError
          ? zou.wrongParameter("A task type with similar name already exists")
          : error;
      });
    if (str(body.for_entity)) ctx.state.setExtra(t.id, { for_entity: body.for_entity });
    return taskType(t, ctx.state);
  },
  update: async (ctx, id, body, req) => {
    requireAdmin(req);
    return taskType(
      await ctx.tracker.update("taskType", id, {
        ...(str(body.name) ? { name: String(body.name) } : {}),
        ...(str(body.color) ? { color: String(body.color) } : {}),
        ...(typeof body.priority === "number" ? { priority: body.priority } : {}),
      }),
      ctx.state,
    );
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("taskType", id, { force: true });
  },
};

const statusFlags = {
  is_default: "isDefault",
  is_done: "isDone",
  is_retake: "isRetake",
  is_wip: "isWip",
  is_feedback_request: "isFeedbackRequest",
  is_artist_allowed: "isArtistAllowed",
  is_client_allowed: "isClientAllowed",
} as const;

function statusInput(body: Row): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (str(body.name)) input.name = body.name;
  if (str(body.short_name)) input.shortName = body.short_name;
  if (str(body.color)) input.color = body.color;
  if (typeof body.priority === "number") input.priority = body.priority;
  for (const [zouKey, key] of Object.entries(statusFlags))
    if (typeof body[zouKey] === "boolean") input[key] = body[zouKey];
  return input;
}

const taskStatuses: CrudModel = {
  path: "task-status",
  list: async (ctx) => (await all(ctx.tracker, "taskStatus")).map(taskStatus),
  one: async (ctx, id) => {
    const s = await maybe(ctx.tracker, "taskStatus", id);
    return s && taskStatus(s);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    if (!str(body.name) || !str(body.short_name)) throw zou.missingField();
    const input = statusInput(body) as { name: string; shortName: string };
    return taskStatus(await ctx.tracker.create("taskStatus", input));
  },
  update: async (ctx, id, body, req) => {
    requireAdmin(req);
    return taskStatus(await ctx.tracker.update("taskStatus", id, statusInput(body)));
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("taskStatus", id, { force: true });
  },
};

export const workflowRoutes: RouteDef[] = [taskTypes, taskStatuses].flatMap(crudRoutes);
