import {
  asId,
  type Id,
  type PlaylistEntry,
  type PlaylistForEntity,
  playlistForEntitySchema,
} from "@gadget/core/adapter";
import { ok, type RouteDef, type ServerContext, type ZouRequest } from "../server-context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, findOr404, maybe, objectBody, optId, type Row, str, trackerWhere, typedId } from "./helpers.js";
import { enrichedPlaylist, entityPreview, previewsByTaskType, publicRow } from "./playlist-rows.js";

/* Playlists: crud, add-entity and project listings (zou.md §2.13; recorded 218, 231–236). */

/** Playlist edits are for managers, or the supervisor who created the playlist (routes.tsv "playlist-edit"). */
function requirePlaylistEditor(ctx: ServerContext, req: ZouRequest, playlistId: Id): void {
  const { role, personId } = req.actor;
  if (role === "admin" || role === "manager") return;
  if (role === "supervisor" && ctx.state.extra(playlistId).created_by === personId) return;
  throw zou.forbidden();
}

/**
 * The `shots` of a PUT body as model entries; Zou normalizes them to `{entity_id, preview_file_id}`
 * (older rows say `id`) and drops, silently, every entry without a `preview_file_id` key, even a
 * null one (crud/playlist.py, PlaylistResource.pre_update).
 */
function entriesOf(ctx: ServerContext, shots: unknown[]): PlaylistEntry[] {
  return shots.flatMap((shot): PlaylistEntry[] => {
    if (shot === null || typeof shot !== "object" || !("preview_file_id" in shot)) return [];
    const s = shot as Row;
    const entityId = optId(s.entity_id) ?? optId(s.id);
    if (!entityId) return [];
    const previewId = optId(s.preview_file_id);
    return [{ entityId, previewId: previewId ? asId(ctx.state.trackerPreviewId(previewId)) : null }];
  });
}

const sameEntry = (a: PlaylistEntry, b: PlaylistEntry) => a.entityId === b.entityId && a.previewId === b.previewId;

/**
 * A PUT replaces the whole `shots` list, as given. The tracker edits entries by entity and fills
 * in the latest preview of an entry added without one, so a list that only drops entities (what
 * the Kitsu adapter's remove sends) is a removal of those entities; any other list is rebuilt by
 * removing every entry and adding the new ones (where an entry without a preview then gets the
 * entity's latest, unlike Zou: the adapter contract has no verb that sets entries verbatim). Zou
 * reports the PUT as one `playlist:update`, which the final update emits.
 */
async function replaceEntries(ctx: ServerContext, playlistId: Id, entries: PlaylistEntry[]): Promise<void> {
  const current = (await ctx.tracker.get("playlist", playlistId)).entries;
  const dropped = [...new Set(current.filter((e) => !entries.some((n) => sameEntry(e, n))).map((e) => e.entityId))];
  const kept = current.filter((e) => !dropped.includes(e.entityId));
  const onlyDrops = kept.length === entries.length && kept.every((e, i) => sameEntry(e, entries[i] as PlaylistEntry));
  await ctx.events.without(["playlist:update", "playlist:add_entity"], async () => {
    if (onlyDrops) {
      if (dropped.length > 0) await ctx.tracker.removePlaylistEntries(playlistId, dropped);
      return;
    }
    if (current.length > 0) {
      await ctx.tracker.removePlaylistEntries(
        playlistId,
        current.map((e) => e.entityId),
      );
    }
    if (entries.length > 0) await ctx.tracker.addPlaylistEntries(playlistId, entries);
  });
}

/** Zou's playlists_service.VALID_FOR_ENTITY_VALUES, checked by its crud routes (400 otherwise). */
const forEntities = new Set<string>(playlistForEntitySchema.options);

/** A body's `for_entity`: undefined when absent or null, Zou's 400 for a value it refuses. */
function forEntityOf(body: Row): PlaylistForEntity | undefined {
  const value = body.for_entity;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !forEntities.has(value)) {
    throw zou.wrongParameter(`for_entity must be one of ${[...forEntities].join(", ")}`);
  }
  return value as PlaylistForEntity;
}

const playlists: CrudModel = {
  path: "playlists",
  list: async (ctx, req) =>
    (await all(ctx.tracker, "playlist", trackerWhere(req.query, { id: "id", project_id: "projectId" }))).map((p) =>
      publicRow(ctx, p, true),
    ),
  one: async (ctx, id) => {
    const p = await maybe(ctx.tracker, "playlist", id);
    return p && publicRow(ctx, p, true);
  },
  create: async (ctx, body, req) => {
    const projectId = optId(body.project_id);
    if (!str(body.name) || !projectId) throw zou.missingField();
    const p = await ctx.tracker.create("playlist", {
      name: String(body.name),
      projectId,
      episodeId: optId(body.episode_id) ?? null,
      taskTypeId: optId(body.task_type_id) ?? null,
      forClient: body.for_client === true,
      forEntity: forEntityOf(body) ?? "shot",
    });
    ctx.state.setExtra(p.id, { created_by: req.actor.personId, is_for_all: body.is_for_all === true });
    return publicRow(ctx, p, true);
  },
  update: async (ctx, id, body, req) => {
    await findOr404(ctx.tracker, "playlist", id);
    requirePlaylistEditor(ctx, req, id);
    if (Array.isArray(body.shots)) await replaceEntries(ctx, id, entriesOf(ctx, body.shots));
    if (typeof body.is_for_all === "boolean") ctx.state.setExtra(id, { is_for_all: body.is_for_all });
    const p = await ctx.tracker.update("playlist", id, {
      ...(str(body.name) ? { name: String(body.name) } : {}),
      ...("task_type_id" in body ? { taskTypeId: optId(body.task_type_id) ?? null } : {}),
      ...(typeof body.for_client === "boolean" ? { forClient: body.for_client } : {}),
      ...(forEntityOf(body) ? { forEntity: forEntityOf(body) } : {}),
    });
    return publicRow(ctx, p, false);
  },
  remove: async (ctx, id, req) => {
    await findOr404(ctx.tracker, "playlist", id);
    requirePlaylistEditor(ctx, req, id);
    await ctx.tracker.remove("playlist", id, { force: true });
  },
};

export const playlistRoutes: RouteDef[] = [
  ...crudRoutes(playlists),
  {
    method: "POST",
    pattern: "/actions/playlists/:playlistId/add-entity",
    handler: async (req, ctx) => {
      const body = await objectBody(req);
      const entityId = optId(body.entity_id);
      if (!entityId) throw zou.validation([{ field: "entity_id", message: "Field required" }]);
      const previewId = optId(body.preview_file_id);
      const p = await ctx.tracker.addPlaylistEntries(typedId(req.params.playlistId), [
        { entityId, previewId: previewId ? (ctx.state.trackerPreviewId(previewId) as typeof previewId) : null },
      ]);
      return ok(publicRow(ctx, await ctx.tracker.get("playlist", p.id), false));
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/playlists",
    handler: async (req, ctx) => {
      const list = await all(ctx.tracker, "playlist", { projectId: typedId(req.params.projectId) });
      return ok(
        list.map((p) => {
          const { shots: _shots, ...row } = publicRow(ctx, p, false);
          const first = p.entries.find((e) => e.previewId)?.previewId;
          return { ...row, first_preview_file_id: first ? ctx.state.publicPreviewId(first) : null };
        }),
      );
    },
  },
  {
    method: "GET",
    pattern: "/data/projects/:projectId/playlists/:playlistId",
    handler: async (req, ctx) => {
      const p = await findOr404(ctx.tracker, "playlist", typedId(req.params.playlistId));
      return ok(await enrichedPlaylist(ctx, p));
    },
  },
  {
    method: "GET",
    pattern: "/data/playlists/entities/:entityId/preview-files",
    handler: async (req, ctx) => {
      const grouped = await previewsByTaskType(ctx, typedId(req.params.entityId));
      return ok(
        Object.fromEntries(
          Object.entries(grouped).map(([type, list]) => [type, list.map((p) => entityPreview(ctx, p))]),
        ),
      );
    },
  },
];
