import { asId } from "@gadget/core/adapter";
import { task } from "../codec/tasks.js";
import { created, type RouteDef } from "../server-context.js";
import { all, findOr404, type Row, requireManager, typedId } from "./helpers.js";

/* Bulk task creation for a task type over shots or assets (zou.md §2.6; recorded 133–135). */

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
export const taskBulkRoutes: RouteDef[] = [bulkCreate("shots"), bulkCreate("assets")];
