import type { Id } from "@gadget/core/adapter";
import { department, personPublic } from "../codec/people.js";
import { assetType, project, projectStatuses } from "../codec/production.js";
import { taskStatus, taskType } from "../codec/tasks.js";
import { ok, type RouteDef } from "../server-context.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all } from "./helpers.js";

/* What a client loads at start: project statuses and the current user's context (recorded 025, 033–036). */

const projectStatus: CrudModel = {
  path: "project-status",
  list: async (ctx) => projectStatuses(ctx.state),
  one: async (ctx, id) => projectStatuses(ctx.state).find((s) => s.id === id),
};

export const referenceRoutes: RouteDef[] = [
  ...crudRoutes(projectStatus),
  {
    method: "GET",
    pattern: "/data/user/context",
    auth: "person",
    handler: async (req, ctx) => {
      const projects = (await all(ctx.tracker, "project")).filter(
        (p) => p.status === "open" && (req.actor.role === "admin" || p.team.includes(req.actor.personId as Id)),
      );
      // Zou sends the open projects whole ("open, enriched", zou.md §2.16): clients boot from them.
      return ok({
        projects: projects.map((p) => project(p, ctx.state, true)),
        asset_types: (await all(ctx.tracker, "assetType")).map((t) => assetType(t, "AssetType", false)),
        task_status: (await all(ctx.tracker, "taskStatus")).map(taskStatus),
        task_types: (await all(ctx.tracker, "taskType")).map((t) => taskType(t, ctx.state)),
        departments: (await all(ctx.tracker, "department")).map(department),
        persons: (await all(ctx.tracker, "person")).map(personPublic),
        project_status: projectStatuses(ctx.state),
      });
    },
  },
];
