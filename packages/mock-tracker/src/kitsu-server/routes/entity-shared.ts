import { asId } from "@gadget/core/adapter";
import type { EntityKindName, EntityRecord } from "../codec/production.js";
import type { ServerContext, ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { findOr404, type Row, typedId } from "./helpers.js";

/* What the typed entity routes share: their path names, typed lookups, list scope and name columns. */

export const plural: Record<EntityKindName, string> = {
  episode: "episodes",
  sequence: "sequences",
  shot: "shots",
  asset: "assets",
  edit: "edits",
  concept: "concepts",
  scene: "scenes",
};

export async function typedRecord(
  ctx: ServerContext,
  kind: EntityKindName,
  id: string | undefined,
): Promise<EntityRecord> {
  return (await findOr404(ctx.tracker, kind, typedId(id))) as EntityRecord;
}

/** Non-admins list temporal entities only within a project, sequence or episode. */
export function requireProjectScope(req: ZouRequest): void {
  const scoped = ["project_id", "sequence_id", "episode_id"].some((k) => req.query.get(k));
  if (req.actor.role !== "admin" && !scoped) throw zou.forbidden();
}

/** Rows with the names Kitsu adds to typed lists: the project's, and a shot's sequence's. */
export async function namedRows(ctx: ServerContext, kind: EntityKindName, rows: Row[]): Promise<Row[]> {
  const idsOf = (column: string) =>
    [...new Set(rows.map((r) => r[column]).filter((v) => typeof v === "string"))].map(asId);
  const namesOf = async (kindOf: "project" | "sequence", column: string) =>
    new Map((await ctx.tracker.getMany(kindOf, idsOf(column))).map((r) => [r.id as string, r.name]));
  const projects = await namesOf("project", "project_id");
  const sequences = kind === "shot" ? await namesOf("sequence", "parent_id") : undefined;
  return rows.map((r) => ({
    ...r,
    project_name: projects.get(String(r.project_id)) ?? null,
    ...(sequences ? { sequence_name: sequences.get(String(r.parent_id)) ?? null } : {}),
  }));
}
