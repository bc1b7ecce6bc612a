import { ConflictError, checkRemovable, type Id, type ProjectRecord } from "@gadget/core/adapter";
import { person } from "../codec/people.js";
import { assetType, project } from "../codec/production.js";
import { task, taskStatus, taskType } from "../codec/tasks.js";
import { created, noContent, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { zouRuleTable } from "../zou-rules.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import {
  all,
  findOr404,
  maybe,
  projectWrite,
  type Row,
  requireAdmin,
  requiredId,
  requireManager,
  str,
  typedId,
} from "./helpers.js";
import { previewAutomationOf } from "./preview-automation.js";

/* Projects: crud, open/all lists, team and settings (zou.md §2.3, recorded 047–070). */

const productionTypes = new Set(["short", "featurefilm", "tvshow"]);
const extraKeys = ["production_style", "max_retakes", "homepage", "is_clients_isolated"];

function visible(p: ProjectRecord, req: ZouRequest): boolean {
  return req.actor.role === "admin" || p.team.includes(req.actor.personId as Id);
}

/** A project's `data` column, which Zou writes on create and update like any other. */
const dataOf = (body: Row): Record<string, unknown> | undefined =>
  body.data && typeof body.data === "object" && !Array.isArray(body.data)
    ? (body.data as Record<string, unknown>)
    : undefined;

async function firstEpisodeId(ctx: ServerContext, p: ProjectRecord): Promise<string | null> {
  if (p.productionType !== "tvshow") return null;
  const episodes = await all(ctx.tracker, "episode", { projectId: p.id });
  return [...episodes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.id ?? null;
}

async function enriched(ctx: ServerContext, p: ProjectRecord): Promise<Row> {
  return {
    ...project(p, ctx.state, true),
    first_episode_id: await firstEpisodeId(ctx, p),
    descriptors: [],
    task_types_priority: Object.fromEntries(p.taskTypeIds.map((id, i) => [id, i + 1])),
    task_statuses_link: Object.fromEntries(p.taskStatusIds.map((id) => [id, { priority: null, roles_for_board: [] }])),
  };
}

const projects: CrudModel = {
  path: "projects",
  relations: {
    team: "omit",
    asset_types: "omit",
    task_statuses: "omit",
    task_types: "omit",
    status_automations: "omit",
    preview_background_files: "omit",
  },
  list: async (ctx) => (await all(ctx.tracker, "project")).map((p) => project(p, ctx.state, true)),
  forNonAdmin: async (rows, req, ctx) => {
    const mine = new Set(
      (await all(ctx.tracker, "project")).filter((p) => visible(p, req) && p.status === "open").map((p) => p.id),
    );
    return rows.filter((r) => mine.has(r.id as Id));
  },
  one: async (ctx, id, req) => {
    const p = await maybe(ctx.tracker, "project", id);
    if (!p) return undefined;
    if (!visible(p, req)) throw zou.forbidden();
    return { ...project(p, ctx.state, true), project_status_name: p.status === "open" ? "Open" : "Closed" };
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    const name = str(body.name);
    if (!name) throw zou.missingField();
    const type = str(body.production_type) ?? "short";
    try {
      const p = await ctx.tracker.create("project", {
        name,
        productionType: (productionTypes.has(type) ? type : "short") as ProjectRecord["productionType"],
        fps: body.fps !== undefined && body.fps !== null ? Number(body.fps) : 25,
        ratio: str(body.ratio) ?? "16:9",
        resolution: str(body.resolution) ?? "1920x1080",
        ...(str(body.description) ? { description: String(body.description) } : {}),
        ...(str(body.code) ? { code: String(body.code) } : {}),
        ...(dataOf(body) ? { customData: dataOf(body) } : {}),
        ...previewAutomationOf(body),
      });
      ctx.state.setExtra(p.id, Object.fromEntries(extraKeys.filter((k) => k in body).map((k) => [k, body[k]])));
      if (p.productionType === "tvshow" && (await all(ctx.tracker, "episode", { projectId: p.id })).length === 0) {
        await ctx.tracker.create("episode", { name: "E01", projectId: p.id });
      }
      const fresh = await ctx.tracker.get("project", p.id);
      const row = project(fresh, ctx.state, true);
      return fresh.productionType === "tvshow" ? { ...row, first_episode_id: await firstEpisodeId(ctx, fresh) } : row;
    } catch (error) {
      if (error instanceof ConflictError) throw zou.duplicate();
      throw error;
    }
  },
  update: async (ctx, id, body, req) => {
    requireManager(req);
    const patch: Record<string, unknown> = {};
    if (str(body.name)) patch.name = body.name;
    if (str(body.description) !== undefined) patch.description = body.description;
    if (body.fps !== undefined) patch.fps = body.fps === null ? null : Number(body.fps);
    if (str(body.ratio)) patch.ratio = body.ratio;
    if (str(body.resolution)) patch.resolution = body.resolution;
    if (dataOf(body)) patch.customData = dataOf(body);
    Object.assign(patch, previewAutomationOf(body));
    if (str(body.project_status_id))
      patch.status = body.project_status_id === ctx.state.projectStatus.closed ? "closed" : "open";
    const p = await ctx.tracker.update("project", id, patch);
    ctx.state.setExtra(p.id, Object.fromEntries(extraKeys.filter((k) => k in body).map((k) => [k, body[k]])));
    const row = project(p, ctx.state, false);
    // post_update: a tvshow's answer names its first episode (made again if it had none).
    return p.productionType === "tvshow" ? { ...row, first_episode_id: await firstEpisodeId(ctx, p) } : row;
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    const p = await findOr404(ctx.tracker, "project", id);
    // Zou checks the status before anything else: `force` deletes what a closed project holds, it
    // never lets an open project go (zou.md §2.3).
    try {
      checkRemovable(zouRuleTable, "project", p);
    } catch {
      throw zou.badRequest("Only closed projects can be deleted");
    }
    await ctx.tracker.remove("project", id, { force: req.query.get("force") === "true" });
  },
};

async function member(req: ZouRequest, ctx: ServerContext): Promise<ProjectRecord> {
  const p = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
  if (!visible(p, req)) throw zou.forbidden();
  return p;
}

async function projectTaskStatuses(req: ZouRequest, ctx: ServerContext) {
  const p = await member(req, ctx);
  return ok((await ctx.tracker.getMany("taskStatus", p.taskStatusIds)).map(taskStatus));
}

function settingsRoute(path: string, kind: "taskType" | "taskStatus" | "assetType", field: string): RouteDef[] {
  const key = { taskType: "taskTypeIds", taskStatus: "taskStatusIds", assetType: "assetTypeIds" } as const;
  return [
    {
      method: "POST",
      pattern: `/data/projects/:projectId/settings/${path}`,
      handler: async (req, ctx) => {
        const { body, project: p } = await projectWrite(req, ctx);
        const id = requiredId(body, field);
        const updated = p[key[kind]].includes(id) ? p : await ctx.tracker.addToProject(p.id, kind, id);
        return created(project(updated, ctx.state, false));
      },
    },
  ];
}

export const projectRoutes: RouteDef[] = [
  ...crudRoutes(projects),
  {
    method: "GET",
    pattern: "/data/projects/open",
    handler: async (req, ctx) => {
      const list = (await all(ctx.tracker, "project")).filter((p) => p.status === "open" && visible(p, req));
      return ok(await Promise.all(list.map((p) => enriched(ctx, p))));
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/all",
    handler: async (req, ctx) => {
      const name = req.query.get("name");
      const list = (await all(ctx.tracker, "project")).filter((p) => visible(p, req) && (!name || p.name === name));
      return ok(await Promise.all(list.map((p) => enriched(ctx, p))));
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/team",
    handler: async (req, ctx) => {
      const p = await member(req, ctx);
      const people = await ctx.tracker.getMany("person", p.team);
      return ok(people.map((x) => ({ ...person(x, ctx.state, true), project_role: null })));
    },
  },
  {
    method: "POST",
    pattern: "/data/projects/:projectId/team",
    handler: async (req, ctx) => {
      const { body, project: p } = await projectWrite(req, ctx);
      const personId = requiredId(body, "person_id");
      const updated = p.team.includes(personId) ? p : await ctx.tracker.addTeamMember(p.id, personId);
      return created(project(updated, ctx.state, false));
    },
  },
  {
    method: "DELETE",
    pattern: "/data/projects/:projectId/team/:personId",
    handler: async (req, ctx) => {
      requireManager(req);
      await ctx.tracker.removeTeamMember(typedId(req.params.projectId), typedId(req.params.personId));
      return noContent();
    },
  },
  ...settingsRoute("task-types", "taskType", "task_type_id"),
  ...settingsRoute("task-status", "taskStatus", "task_status_id"),
  ...settingsRoute("asset-types", "assetType", "asset_type_id"),
  // A project's task statuses, on the settings path (recorded 068) and beside its task types.
  ...["/data/projects/:projectId/settings/task-status", "/data/projects/:projectId/task-status"].map(
    (pattern): RouteDef => ({ method: "GET", pattern, handler: projectTaskStatuses }),
  ),
  {
    method: "GET",
    pattern: "/data/projects/:projectId/task-types",
    handler: async (req, ctx) => {
      const p = await member(req, ctx);
      return ok((await ctx.tracker.getMany("taskType", p.taskTypeIds)).map((t) => taskType(t, ctx.state)));
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/asset-types",
    handler: async (req, ctx) => {
      const p = await member(req, ctx);
      const used = new Set((await all(ctx.tracker, "asset", { projectId: p.id })).map((a) => a.assetTypeId));
      return ok((await ctx.tracker.getMany("assetType", [...used])).map((t) => assetType(t, "AssetType", false)));
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/tasks",
    handler: async (req, ctx) => {
      const p = await member(req, ctx);
      return ok((await all(ctx.tracker, "task", { projectId: p.id })).map((t) => task(t, ctx.state, true)));
    },
  },
];
