import { type Id, taskEntityKindSchema } from "@gadget/core/adapter";
import { task } from "../codec/tasks.js";
import { ok, type RouteDef } from "../server-context.js";
import { assetWithTasks, shotWithTasks, tasksByEntity } from "./entity-io.js";
import { plural, requireProjectScope, typedRecord } from "./entity-shared.js";
import { all, type Row } from "./helpers.js";

/* Entities with their tasks: an entity's task list and the "with tasks" production grids (recorded 136, 137, 160–163). */

export const entityTaskRoutes: RouteDef[] = [
  ...taskEntityKindSchema.options.map(
    (kind): RouteDef => ({
      method: "GET",
      pattern: `/data/${plural[kind]}/:id/tasks`,
      handler: async (req, ctx) => {
        const r = await typedRecord(ctx, kind, req.params.id);
        const relations = req.query.get("relations") === "true";
        const project = await ctx.tracker.get("project", r.projectId);
        const tasks = await all(ctx.tracker, "task", { entityId: r.id });
        const types = new Map((await all(ctx.tracker, "taskType")).map((t) => [t.id as string, t.name]));
        const statuses = new Map((await all(ctx.tracker, "taskStatus")).map((s) => [s.id as string, s.name]));
        return ok(
          tasks.map((t) => {
            const { assignees, ...row } = task(t, ctx.state, true);
            return {
              ...row,
              project_name: project.name,
              task_type_name: types.get(t.taskTypeId) ?? null,
              task_status_name: statuses.get(t.statusId) ?? null,
              entity_type_name: kind === "asset" ? null : kind[0]?.toUpperCase() + kind.slice(1),
              entity_name: r.name,
              ...(relations ? { assignees } : {}),
            };
          }),
        );
      },
    }),
  ),
  {
    method: "GET",
    pattern: "/data/shots/with-tasks",
    handler: async (req, ctx) => {
      requireProjectScope(req);
      const projectId = req.query.get("project_id");
      const shots = (await all(ctx.tracker, "shot", projectId ? { projectId: projectId as Id } : {})).filter(
        (s) => !req.query.get("episode_id") || s.episodeId === req.query.get("episode_id"),
      );
      const tasks = await all(ctx.tracker, "task", projectId ? { projectId: projectId as Id } : {});
      const byEntity = tasksByEntity(tasks);
      const rows = await Promise.all(shots.map((s) => shotWithTasks(ctx, s, byEntity.get(s.id) ?? [])));
      if (req.query.get("stream") === "true") return { status: 200, ndjson: [{ compact: false }, ...rows] };
      if (req.query.get("compact") !== "true") return ok(rows);
      const shotFields = rows[0] ? Object.keys(rows[0]) : [];
      const firstTask = rows.flatMap((r) => r.tasks as Row[])[0];
      const taskFields = firstTask ? Object.keys(firstTask) : [];
      return ok({
        compact: true,
        shot_fields: shotFields,
        task_fields: taskFields,
        rows: rows.map((r) =>
          shotFields.map((f) => (f === "tasks" ? (r.tasks as Row[]).map((t) => taskFields.map((k) => t[k])) : r[f])),
        ),
      });
    },
  },
  {
    method: "GET",
    pattern: "/data/assets/with-tasks",
    handler: async (req, ctx) => {
      const projectId = req.query.get("project_id");
      const assets = await all(ctx.tracker, "asset", projectId ? { projectId: projectId as Id } : {});
      const tasks = await all(ctx.tracker, "task", projectId ? { projectId: projectId as Id } : {});
      const byEntity = tasksByEntity(tasks);
      return ok(await Promise.all(assets.map((a) => assetWithTasks(ctx, a, byEntity.get(a.id) ?? []))));
    },
  },
];
