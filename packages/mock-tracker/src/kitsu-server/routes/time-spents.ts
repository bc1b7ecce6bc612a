import type { Id } from "@gadget/core/adapter";
import { ValidationError } from "@gadget/core/adapter";
import { minutesToSeconds } from "../codec/common.js";
import { timeSpent } from "../codec/tasks.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { all, findOr404, objectBody, type Row, typedId } from "./helpers.js";

/* Time spent on tasks, in minutes (zou.md §2.6; recorded 168–175). */

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
  try {
    const record = add
      ? await ctx.tracker.addTimeSpent(t.id, personId, day, minutesToSeconds(duration))
      : await ctx.tracker.setTimeSpent(t.id, personId, day, minutesToSeconds(duration));
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
export const timeSpentRoutes: RouteDef[] = [
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
];
