import type { PlaylistRecord, PreviewRecord } from "@gadget/core/adapter";
import { naive } from "../codec/common.js";
import { playlist } from "../codec/reviews.js";
import type { ServerContext } from "../server-context.js";
import { all, maybe, type Row } from "./helpers.js";

/* The previews a playlist offers and its enriched page rows (recorded 218, 236). */

/** The playlist row as clients know it. */
export function publicRow(ctx: ServerContext, p: PlaylistRecord, relations: boolean): Row {
  return playlist(p, ctx.state, relations);
}

/** Previews of an entity's tasks, grouped by task type, newest revision first. */
export async function previewsByTaskType(
  ctx: ServerContext,
  entityId: string,
): Promise<Record<string, PreviewRecord[]>> {
  const out: Record<string, PreviewRecord[]> = {};
  for (const t of await all(ctx.tracker, "task", { entityId: entityId as PlaylistRecord["id"] })) {
    const previews = (await all(ctx.tracker, "preview", { taskId: t.id })).filter((p) => p.status !== "processing");
    if (previews.length === 0) continue;
    out[t.taskTypeId] = [...(out[t.taskTypeId] ?? []), ...previews].sort((a, b) => b.revision - a.revision);
  }
  return out;
}

const isMovie = (p: PreviewRecord) => p.extension === "mp4" || p.extension === "mov";

export function entityPreview(ctx: ServerContext, p: PreviewRecord): Row {
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

export async function enrichedPlaylist(ctx: ServerContext, p: PlaylistRecord): Promise<Row> {
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
