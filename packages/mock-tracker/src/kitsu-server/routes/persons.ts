import { asId, type Id, type PersonRole } from "@gadget/core/adapter";
import { person, personExtraKeys, personPublic } from "../codec/people.js";
import { created, noContent, type RouteDef, type ServerContext } from "../server-context.js";
import { issueBotToken, normalizeEmail, registerLogin } from "../users.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, findOr404, maybe, objectBody, optId, requireAdmin, str } from "./helpers.js";

/* Persons (and bots): crud and department membership (zou.md §2.12; recorded 012, 021, 037–046). */

const roles = new Set(["user", "admin", "supervisor", "manager", "client", "vendor"]);

/**
 * An admin's PUT replaces a person's departments (BaseMixin._resolve_relations), dropping ids that
 * name no department, silently; a non-admin's `departments`, like its `role` and `active`, is
 * dropped whole (crud/person.py update_data).
 */
async function knownDepartments(ctx: ServerContext, ids: unknown[]): Promise<Id[]> {
  const known = new Set((await all(ctx.tracker, "department")).map((d) => d.id as string));
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && known.has(id)))].map(asId);
}

const persons: CrudModel = {
  path: "persons",
  relations: { departments: "omit" },
  relationsOnUpdate: true,
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
    const admin = req.actor.role === "admin";
    if (!admin && req.actor.personId !== id) throw zou.forbidden();
    await findOr404(ctx.tracker, "person", id);
    const p = await ctx.tracker.update("person", id, {
      ...(admin && Array.isArray(body.departments)
        ? { departmentIds: await knownDepartments(ctx, body.departments) }
        : {}),
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
    // post_update adds the person's departments to the answer.
    const row = person(p, ctx.state, true);
    return "expiration_date" in body && ctx.state.extra(p.id).is_bot === true
      ? { ...row, access_token: issueBotToken(ctx, p.id) }
      : row;
  },
  remove: async (ctx, id, req) => {
    requireAdmin(req);
    await ctx.tracker.remove("person", id, { force: true });
  },
};

export const personRoutes: RouteDef[] = [
  ...crudRoutes(persons),
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
      if (!(await maybe(ctx.tracker, "department", dept))) throw zou.wrongParameter(noDepartment);
      const updated = await ctx.tracker.update("person", id, {
        departmentIds: [...new Set([...p.departmentIds, dept])],
      });
      return created(person(updated, ctx.state, true));
    },
  },
  {
    // RemoveFromDepartmentResource: 204 whether or not the person was in the department.
    method: "DELETE",
    pattern: "/actions/persons/:personId/departments/:departmentId",
    handler: async (req, ctx) => {
      requireAdmin(req);
      const dept = asId(req.params.departmentId ?? "") as Id;
      if (!(await maybe(ctx.tracker, "department", dept))) throw zou.wrongParameter(noDepartment);
      const id = asId(req.params.personId ?? "") as Id;
      const p = await findOr404(ctx.tracker, "person", id);
      await ctx.tracker.update("person", id, { departmentIds: p.departmentIds.filter((d) => d !== dept) });
      return noContent();
    },
  },
];

/** Zou's answer to a department id that names no department (persons/resources.py). */
const noDepartment = "Department ID matches no department";
