import { ok, type RouteDef } from "../context.js";
import { zou } from "../zou-errors.js";
import { objectBody, optId, requireAdmin } from "./helpers.js";

/* Events history and search (zou.md §2.11, §6; recorded 237–255). */

function parseDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(d.getTime())) throw zou.wrongParameter("Wrong date format.");
  return d;
}

export const miscRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/data/events/last",
    handler: async (req, ctx) => {
      requireAdmin(req);
      return ok(
        ctx.events.last({
          after: parseDate(req.query.get("after")),
          before: parseDate(req.query.get("before")),
          projectId: req.query.get("project_id") ?? undefined,
          name: req.query.get("name") ?? undefined,
          cursorId: req.query.get("cursor_event_id") ?? undefined,
          limit: Number.parseInt(req.query.get("limit") ?? "100", 10) || 100,
        }),
      );
    },
  },
  {
    method: "GET",
    pattern: "/data/events/names",
    handler: async (req, ctx) => {
      requireAdmin(req);
      return ok(ctx.events.names());
    },
  },
  {
    method: "POST",
    pattern: "/data/search",
    handler: async (req, ctx) => {
      const body = await objectBody(req);
      const hits = await ctx.tracker.search(String(body.query ?? ""), {
        ...(optId(body.project_id) ? { projectId: optId(body.project_id) } : {}),
        limit: typeof body.limit === "number" ? body.limit : 20,
      });
      const of = (kind: string) =>
        hits.filter((h) => h.kind === kind).map((h) => ({ id: h.id, name: h.name, project_id: h.projectId }));
      return ok({
        persons: of("person"),
        assets: of("asset"),
        shots: of("shot"),
        sequences: of("sequence"),
        episodes: of("episode"),
      });
    },
  },
];
