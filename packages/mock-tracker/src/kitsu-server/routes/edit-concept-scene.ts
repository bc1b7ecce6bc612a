import type { RecordFields } from "@gadget/core/adapter";
import { uniqueIdentity } from "@gadget/core/adapter";
import type { EntityRecord } from "../codec/production.js";
import { created, ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { zouRuleTable } from "../zou-rules.js";
import { entityRow } from "./entity-io.js";
import { listRoute } from "./entity-reads.js";
import { typedRecord } from "./entity-shared.js";
import { removeEntity, requiredName } from "./entity-writes.js";
import { all, findOr404, optId, projectWrite, type Row, str, typedId } from "./helpers.js";

/*
 * Edits, concepts and scenes (Zou 1.0.67: blueprints edits/, concepts/, shots/ scenes): lists, one
 * record, creation under a project, deletion. Updates go through PUT /data/entities/:id, tasks
 * through /data/<kind>s/:id/tasks, like the other entities.
 */

type Kind = "edit" | "concept" | "scene";

const customOf = (body: Row) =>
  (body.data && typeof body.data === "object" ? body.data : {}) as Record<string, unknown>;

/** Zou's create routes answer an existing record of the same unique key with that record. */
async function existing(ctx: ServerContext, kind: Kind, wanted: Record<string, unknown>) {
  const [key] = zouRuleTable[kind].unique;
  const identity = key && uniqueIdentity(key, wanted);
  const namesakes = (await all(ctx.tracker, kind, { name: String(wanted.name) })) as EntityRecord[];
  return identity ? namesakes.find((r) => uniqueIdentity(key, r as unknown as RecordFields) === identity) : undefined;
}

async function create(req: ZouRequest, ctx: ServerContext, kind: Kind) {
  const { body, project } = await projectWrite(req, ctx);
  const name = requiredName(body);
  let record: EntityRecord;
  if (kind === "edit") {
    // create_edit takes anything shorter than a UUID for "no episode".
    const episodeId = optId(body.episode_id) ?? null;
    const found = await existing(ctx, kind, { name, projectId: project.id, episodeId });
    if (found) return created(entityRow(ctx, kind, found));
    record = await ctx.tracker.create("edit", {
      name,
      projectId: project.id,
      episodeId,
      description: str(body.description) ?? null,
      customData: customOf(body),
    });
  } else if (kind === "concept") {
    const found = await existing(ctx, kind, { name, projectId: project.id });
    if (found) return created(entityRow(ctx, kind, found));
    record = await ctx.tracker.create("concept", {
      name,
      projectId: project.id,
      description: str(body.description) ?? null,
      customData: customOf(body),
    });
  } else {
    const sequenceId = optId(body.sequence_id);
    if (!sequenceId)
      throw zou.wrongParameter(
        "This server needs a sequence_id to create a scene (its model has no scene without one).",
      );
    const sequence = await findOr404(ctx.tracker, "sequence", sequenceId);
    if (sequence.projectId !== project.id) throw zou.notFound();
    const found = await existing(ctx, kind, { name, projectId: project.id, sequenceId });
    if (found) return created(entityRow(ctx, kind, found));
    record = await ctx.tracker.create("scene", { name, projectId: project.id, sequenceId });
  }
  ctx.state.setExtra(record.id, { created_by: req.actor.personId });
  return created(entityRow(ctx, kind, record));
}

const plurals = { edit: "edits", concept: "concepts", scene: "scenes" } as const;

export const editConceptSceneRoutes: RouteDef[] = [
  ...(["edit", "concept", "scene"] as const).flatMap((kind): RouteDef[] => [
    {
      method: "GET",
      pattern: `/data/projects/:projectId/${plurals[kind]}`,
      handler: async (req, ctx) => {
        const project = await findOr404(ctx.tracker, "project", typedId(req.params.projectId));
        const rows = (await all(ctx.tracker, kind, { projectId: project.id })) as EntityRecord[];
        return ok(rows.map((r) => entityRow(ctx, kind, r)));
      },
    },
    {
      method: "POST",
      pattern: `/data/projects/:projectId/${plurals[kind]}`,
      handler: (req, ctx) => create(req, ctx, kind),
    },
    listRoute(kind, `/data/${plurals[kind]}`, false),
    listRoute(kind, `/data/${plurals[kind]}/all`, false),
    {
      method: "GET",
      pattern: `/data/${plurals[kind]}/:id`,
      handler: async (req, ctx) => ok(entityRow(ctx, kind, await typedRecord(ctx, kind, req.params.id), true)),
    },
    { method: "DELETE", pattern: `/data/${plurals[kind]}/:id`, handler: (req, ctx) => removeEntity(req, ctx, kind) },
  ]),
  {
    method: "GET",
    pattern: "/data/sequences/:id/scenes",
    handler: async (req, ctx) => {
      const q = await typedRecord(ctx, "sequence", req.params.id);
      return ok((await all(ctx.tracker, "scene", { sequenceId: q.id })).map((s) => entityRow(ctx, "scene", s)));
    },
  },
  {
    method: "GET",
    pattern: "/data/episodes/:id/edits",
    handler: async (req, ctx) => {
      const e = await typedRecord(ctx, "episode", req.params.id);
      return ok((await all(ctx.tracker, "edit", { episodeId: e.id })).map((r) => entityRow(ctx, "edit", r)));
    },
  },
];
