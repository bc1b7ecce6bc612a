import { department } from "../codec/people.js";
import type { RouteDef } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, maybe, requireAdmin, str } from "./helpers.js";

/* Departments crud (zou.md §2.12). */

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

export const departmentRoutes: RouteDef[] = crudRoutes(departments);
