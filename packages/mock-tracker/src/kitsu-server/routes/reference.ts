import { asId, ConflictError, type Id, type PersonRole } from "@gadget/core";
import { department, person, personExtraKeys, personPublic } from "../codec/people.js";
import { assetType, projectStatuses, temporalEntityTypes } from "../codec/production.js";
import { taskStatus, taskType } from "../codec/tasks.js";
import { created, ok, type RouteDef } from "../context.js";
import { issueBotToken, normalizeEmail, registerLogin } from "../users.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, findOr404, maybe, objectBody, optId, type Row, requireAdmin, str } from "./helpers.js";

/* Studio-wide models: persons, departments, task types, task statuses, entity/asset types. */

const roles = new Set(["user", "admin", "supervisor", "manager", "client", "vendor"]);

const persons: CrudModel = {
  path: "persons",
  relations: { departments: "omit" },
  list: async (ctx) => (await all(ctx.tracker, "person")).map((p) => person(p, ctx.state, true)),
  one: async (ctx, id) => {
    const p = await maybe(ctx.tracker, "person", id);
    return p && person(p, ctx.state, true);
  },
  forNonAdmin: async (rows, _req, ctx) => {
    const people = await all(ctx.tracker, "person");
    const ids = new Set(rows.map((r) => r.id));
    return people.filter((p) => ids.has(p.id)).map(personPublic);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    const email = str(body.email) ? normalizeEmail(String(body.email)) : null;
    if (email && (await all(ctx.tracker, "person")).some((p) => p.email?.toLowerCase() === email.toLowerCase())) {
      throw zou.wrongParameter("Email already in use.");
    }
    const role = str(body.role) && roles.has(String(body.role)) ? (body.role as PersonRole) : "user";
    const p = await ctx.tracker.create("person", {
      firstName: str(body.first_name) ?? "",
      lastName: str(body.last_name) ?? "",
      email,
      desktopLogin: str(body.desktop_login) ?? null,
      role,
      active: body.active !== false,
      departmentIds: Array.isArray(body.departments) ? body.departments.map(String).map(asId) : [],
    });
    const extras = Object.fromEntries(personExtraKeys.filter((k) => k in body).map((k) => [k, body[k]]));
    ctx.state.setExtra(p.id, { ...extras, is_bot: body.is_bot === true });
    if (typeof body.password === "string") registerLogin(ctx, p, body.password);
    const row = person(p, ctx.state, true);
    return body.is_bot === true ? { ...row, access_token: issueBotToken(ctx, p.id) } : row;
  },
  update: async (ctx, id, body, req) => {
    if (req.actor.role !== "admin" && req.actor.personId !== id) throw zou.forbidden();
    await findOr404(ctx.tracker, "person", id);
    const p = await ctx.tracker.update("person", id, {
      ...(str(body.first_name) !== undefined ? { firstName: String(body.first_name) } : {}),
      ...(str(body.last_name) !== undefined ? { lastName: String(body.last_name) } : {}),
      ...(str(body.email) !== undefined ? { email: normalizeEmail(String(body.email)) } : {}),
      ...(str(body.desktop_login) !== undefined ? { desktopLogin: String(body.desktop_login) } : {}),
      ...(str(body.role) && roles.has(String(body.role)) && req.actor.role === "admin"
        ? { role: body.role as PersonRole }
        : {}),
      ...(typeof body.active === "boolean" && req.actor.role === "admin" ? { active: body.active } : {}),
    });
    ctx.state.setExtra(p.id, Object.fromEntries(personExtraKeys.filter((k) => k in body).map((k) => [k, body[k]])));
    const row = person(p, ctx.state, false);
    return "expiration_date" in body && ctx.state.extra(p.id).is_bot === true
      ? { ...row, access_token: issueBotToken(ctx, p.id) }
      : row;
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("person", id, { force: true });
  },
};

const departments: CrudModel = {
  path: "departments",
  list: async (ctx) => (await all(ctx.tracker, "department")).map(department),
  one: async (ctx, id) => {
    const d = await maybe(ctx.tracker, "department", id);
    return d && department(d);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    if (!str(body.name)) throw zou.missingField();
    return department(
      await ctx.tracker.create("department", {
        name: String(body.name),
        ...(str(body.color) ? { color: String(body.color) } : {}),
      }),
    );
  },
  update: async (ctx, id, body, req) => {
    requireAdmin(req);
    return department(
      await ctx.tracker.update("department", id, {
        ...(str(body.name) ? { name: String(body.name) } : {}),
        ...(str(body.color) ? { color: String(body.color) } : {}),
      }),
    );
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("department", id, { force: true });
  },
};

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
    const existing = await all(ctx.tracker, "taskType");
    if (existing.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      throw zou.wrongParameter("A task type with similar name already exists");
    }
    const t = await ctx.tracker.create("taskType", {
      name,
      forShots: str(body.for_entity) !== undefined && body.for_entity !== "Asset",
      ...(str(body.short_name) !== undefined ? { shortName: String(body.short_name) } : {}),
      ...(str(body.color) ? { color: String(body.color) } : {}),
      ...(typeof body.priority === "number" ? { priority: body.priority } : {}),
      ...(optId(body.department_id) ? { departmentId: optId(body.department_id) } : {}),
      ...(typeof body.allow_timelog === "boolean" ? { allowTimelog: body.allow_timelog } : {}),
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

const entityTypes: CrudModel = {
  path: "entity-types",
  relations: { task_types: "omit" },
  list: async (ctx) => [
    ...(await all(ctx.tracker, "assetType")).map((t) => assetType(t, "EntityType", true)),
    ...temporalEntityTypes(ctx.state).map((t) => ({ ...t, task_types: [] })),
  ],
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "assetType", id);
    if (t) return assetType(t, "EntityType", true);
    return temporalEntityTypes(ctx.state).find((row) => row.id === id);
  },
  create: async (ctx, body, req) => {
    requireAdmin(req);
    const name = str(body.name);
    if (!name) throw zou.missingField();
    const taken = [
      ...(await all(ctx.tracker, "assetType")).map((t) => t.name),
      ...Object.keys(ctx.state.entityTypeIds),
    ];
    if (taken.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw zou.wrongParameter("Entity type with this name already exists");
    }
    try {
      const t = await ctx.tracker.create("assetType", {
        name,
        ...(str(body.short_name) ? { shortName: String(body.short_name) } : {}),
        ...(str(body.description) ? { description: String(body.description) } : {}),
      });
      return assetType(t, "EntityType", true);
    } catch (error) {
      if (error instanceof ConflictError) throw zou.wrongParameter("Entity type with this name already exists");
      throw error;
    }
  },
  update: async (ctx, id, body, req) => {
    requireAdmin(req);
    const t = await ctx.tracker.update("assetType", id, { ...(str(body.name) ? { name: String(body.name) } : {}) });
    return assetType(t, "EntityType", false);
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("assetType", id, { force: true });
  },
};

const assetTypes: CrudModel = {
  path: "asset-types",
  list: async (ctx) => (await all(ctx.tracker, "assetType")).map((t) => assetType(t, "AssetType", true)),
  one: async (ctx, id) => {
    const t = await maybe(ctx.tracker, "assetType", id);
    return t && assetType(t, "AssetType", true);
  },
};

const projectStatus: CrudModel = {
  path: "project-status",
  list: async (ctx) => projectStatuses(ctx.state),
  one: async (ctx, id) => projectStatuses(ctx.state).find((s) => s.id === id),
};

export const referenceRoutes: RouteDef[] = [
  ...[persons, departments, taskTypes, taskStatuses, entityTypes, assetTypes, projectStatus].flatMap(crudRoutes),
  {
    method: "POST",
    pattern: "/actions/persons/:personId/departments/add",
    handler: async (req, ctx) => {
      requireAdmin(req);
      const body = await objectBody(req);
      const id = asId(req.params.personId ?? "") as Id;
      const p = await findOr404(ctx.tracker, "person", id);
      const dept = optId(body.department_id);
      if (!dept) throw zou.validation([{ field: "department_id", message: "Field required" }]);
      const updated = await ctx.tracker.update("person", id, {
        departmentIds: [...new Set([...p.departmentIds, dept])],
      });
      return created(person(updated, ctx.state, true));
    },
  },
  {
    method: "GET",
    pattern: "/data/user/context",
    auth: "person",
    handler: async (req, ctx) => {
      const projects = (await all(ctx.tracker, "project")).filter(
        (p) => p.status === "open" && (req.actor.role === "admin" || p.team.includes(req.actor.personId as Id)),
      );
      return ok({
        projects: projects.map((p) => ({ id: p.id, name: p.name })),
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
