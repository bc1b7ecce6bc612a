import type { Id } from "@gadget/core/adapter";
import { ok, type RouteDef } from "../server-context.js";
import { all, findOr404, typedId } from "./helpers.js";
import { fullTask, todoRow } from "./task-rows.js";

/* A person's to-do list and the full task (recorded 139, 158, 159). */

export const taskListRoutes: RouteDef[] = [
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
