import type { PlaylistRecord, PreviewRecord } from "@gadget/core";
import { naive } from "../codec/common.js";
import { playlist } from "../codec/reviews.js";
import { ok, type RouteDef, type ServerContext } from "../context.js";
import { zou } from "../zou-errors.js";
import { type CrudModel, crudRoutes } from "./crud.js";
import { all, findOr404, maybe, objectBody, optId, type Row, str, typedId } from "./helpers.js";

/* Playlists: crud, add-entity, project listings and the previews a playlist offers (recorded 218, 231–236). */

const playlists: CrudModel = {
  path: "playlists",
  list: async (ctx) => (await all(ctx.tracker, "playlist")).map((p) => publicRow(ctx, p, true)),
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
      forEntity: body.for_entity === "asset" ? "asset" : "shot",
    });
    ctx.state.setExtra(p.id, { created_by: req.actor.personId, is_for_all: body.is_for_all === true });
    return publicRow(ctx, p, true);
  },
};

/** The playlist row with preview ids as clients know them. */
function publicRow(ctx: ServerContext, p: PlaylistRecord, relations: boolean): Row {
  const row = playlist(p, ctx.state, relations);
  if (Array.isArray(row.shots)) {
    row.shots = (row.shots as Row[]).map((s) =>
      typeof s.preview_file_id === "string"
        ? { ...s, preview_file_id: ctx.state.publicPreviewId(s.preview_file_id) }
        : s,
    );
  }
  return row;
}

/** Previews of an entity's tasks, grouped by task type, newest revision first. */
async function previewsByTaskType(ctx: ServerContext, entityId: string): Promise<Record<string, PreviewRecord[]>> {
  const out: Record<string, PreviewRecord[]> = {};
  for (const t of await all(ctx.tracker, "task", { entityId: entityId as PlaylistRecord["id"] })) {
    const previews = (await all(ctx.tracker, "preview", { taskId: t.id })).filter((p) => p.status !== "processing");
    if (previews.length === 0) continue;
    out[t.taskTypeId] = [...(out[t.taskTypeId] ?? []), ...previews].sort((a, b) => b.revision - a.revision);
  }
  return out;
}

const isMovie = (p: PreviewRecord) => p.extension === "mp4" || p.extension === "mov";

function entityPreview(ctx: ServerContext, p: PreviewRecord): Row {
  return {
    id: ctx.state.publicPreviewId(p.id),
    revision: p.revision,
    original_name: p.name,
    extension: p.extension,
    width: p.width ?? 0,
    height: p.height ?? 0,
    duration: p.duration ?? 0,
    status: p.status,
    annotations: null,
    previews: [],
    created_at: naive(p.createdAt),
    task_id: p.taskId,
    original_width: isMovie(p) ? (p.width ?? null) : null,
    original_height: isMovie(p) ? (p.height ?? null) : null,
    original_duration: isMovie(p) ? (p.duration ?? null) : null,
    original_file_size: isMovie(p) ? p.size : null,
  };
}

/** The playlist page's shot rows: Zou capitalises the status here ("Ready", recorded 236). */
function playlistPreview(ctx: ServerContext, p: PreviewRecord): Row {
  const status = String(p.status);
  return {
    id: ctx.state.publicPreviewId(p.id),
    revision: p.revision,
    extension: p.extension,
    width: p.width ?? 0,
    height: p.height ?? 0,
    duration: p.duration ?? 0,
    status: status.charAt(0).toUpperCase() + status.slice(1),
    created_at: naive(p.createdAt),
    task_id: p.taskId,
    previews: [],
  };
}

async function enrichedPlaylist(ctx: ServerContext, p: PlaylistRecord): Promise<Row> {
  const row = publicRow(ctx, p, true);
  const shots: Row[] = [];
  for (const entry of p.entries) {
    const grouped = await previewsByTaskType(ctx, entry.entityId);
    const files = Object.fromEntries(
      Object.entries(grouped).map(([type, list]) => [type, list.map((x) => playlistPreview(ctx, x))]),
    );
    const shot: Row = {
      entity_id: entry.entityId,
      id: entry.entityId,
      preview_files: Object.keys(files).length === 0 ? [] : files,
    };
    const chosen = entry.previewId ? await maybe(ctx.tracker, "preview", entry.previewId) : undefined;
    if (chosen) {
      const c = playlistPreview(ctx, chosen);
      Object.assign(shot, {
        preview_file_id: c.id,
        preview_file_extension: c.extension,
        preview_file_revision: c.revision,
        preview_file_width: c.width,
        preview_file_height: c.height,
        preview_file_duration: c.duration,
        preview_file_status: c.status,
        preview_file_task_id: c.task_id,
        preview_file_previews: [],
      });
    }
    shots.push(shot);
  }
  return { ...row, shots };
}

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
