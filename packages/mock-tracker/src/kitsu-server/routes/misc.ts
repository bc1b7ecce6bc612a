import { asId } from "@gadget/core/adapter";
import { ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { all, objectBody, optId, requireManager } from "./helpers.js";

/* Events history and search (zou.md §2.11, §6; recorded 237–255). */

function parseDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(d.getTime())) throw zou.wrongParameter("Wrong date format.");
  return d;
}

/** Zou's search indexes (blueprints/search/resources.py): no sequences, no episodes. */
const searchIndexes = [
  { name: "persons", kind: "person" },
  { name: "assets", kind: "asset" },
  { name: "shots", kind: "shot" },
] as const;

/** Zou caps an events page at 1000 rows whatever `limit` asks (gazu.md: "capped to 1000 server-side"). */
const maxEvents = 1000;

/** The projects a non-admin's events are scoped to: those whose team they are in (routes.tsv). */
async function teamProjectIds(req: ZouRequest, ctx: ServerContext): Promise<Set<string>> {
  const projects = await all(ctx.tracker, "project");
  return new Set(projects.filter((p) => p.team.includes(asId(req.actor.personId))).map((p) => p.id));
}

export const miscRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/data/events/last",
    handler: async (req, ctx) => {
      requireManager(req);
      const limit = Number.parseInt(req.query.get("limit") ?? "100", 10) || 100;
      return ok(
        ctx.events.last({
          after: parseDate(req.query.get("after")),
          before: parseDate(req.query.get("before")),
          projectId: req.query.get("project_id") ?? undefined,
          projectIds: req.actor.role === "admin" ? undefined : await teamProjectIds(req, ctx),
          name: req.query.get("name") ?? undefined,
          cursorId: req.query.get("cursor_event_id") ?? undefined,
          limit: Math.min(limit, maxEvents),
        }),
      );
    },
  },
  {
    method: "GET",
    pattern: "/data/events/names",
    handler: async (req, ctx) => {
      requireManager(req);
      return ok(ctx.events.names());
    },
  },
  {
    method: "POST",
    pattern: "/data/search",
    handler: async (req, ctx) => {
      const body = await objectBody(req);
      const query = typeof body.query === "string" ? body.query : "";
      // Zou answers `{}` under 3 characters, and one list per index asked for (persons, assets, shots).
      if (query.length < 3) return ok({});
      const asked = Array.isArray(body.index_names) ? body.index_names.map(String) : ["assets", "shots", "persons"];
      const indexes = searchIndexes.filter((i) => asked.includes(i.name));
      const hits = await ctx.tracker.search(query, {
        ...(optId(body.project_id) ? { projectId: optId(body.project_id) } : {}),
        kinds: indexes.map((i) => i.kind),
        limit: typeof body.limit === "number" ? body.limit : 3,
      });
      return ok(
        Object.fromEntries(
          indexes.map((i) => [
            i.name,
            hits.filter((h) => h.kind === i.kind).map((h) => ({ id: h.id, name: h.name, project_id: h.projectId })),
          ]),
        ),
      );
    },
  },
];
