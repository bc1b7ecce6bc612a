import { asId } from "@gadget/core/adapter";
import { task } from "../codec/tasks.js";
import { ok, type RouteDef } from "../server-context.js";
import { maybe, objectBody, optId, type Row, requireManager, typedId } from "./helpers.js";
import { afterAssign } from "./side-events.js";

/* Assigning people to tasks and clearing assignments (zou.md §2.6; recorded 144–146). */

export const taskAssignmentRoutes: RouteDef[] = [
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
];
