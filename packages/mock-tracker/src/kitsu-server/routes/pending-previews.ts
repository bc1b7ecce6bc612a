import type { Id } from "@gadget/core";
import type { ServerContext } from "../context.js";
import type { Row } from "./helpers.js";

/*
 * Previews announced by add-preview and not uploaded yet. Kitsu adds a preview in two requests
 * (add-preview, then the upload) while the tracker's addPreview takes the file: the server keeps
 * the announced preview until its file arrives, then serves the tracker's preview under that id.
 */

export interface PendingPreview {
  id: string;
  taskId: Id;
  commentId: Id;
  personId: string;
  revision: number;
  createdAt: Date;
}

const pending = new WeakMap<ServerContext, Map<string, PendingPreview>>();

/** The announced previews of a server, by public id. */
export function pendingPreviews(ctx: ServerContext): Map<string, PendingPreview> {
  const map = pending.get(ctx) ?? new Map<string, PendingPreview>();
  pending.set(ctx, map);
  return map;
}

/** An announced preview as Zou answers it before the upload (recorded 189). */
export function pendingRow(p: PendingPreview): Row {
  return {
    name: p.id.slice(0, 13),
    original_name: null,
    revision: p.revision,
    position: 1,
    extension: "mp4",
    description: null,
    path: null,
    source: "webgui",
    file_size: 0,
    status: "processing",
    validation_status: "neutral",
    annotations: null,
    width: 0,
    height: 0,
    duration: 0,
    data: null,
    token_in: null,
    token_out: null,
    task_id: p.taskId,
    person_id: p.personId,
    source_file_id: null,
    shotgun_id: null,
    is_movie: false,
    url: null,
    uploaded_movie_url: null,
    uploaded_movie_name: null,
    id: p.id,
    created_at: p.createdAt.toISOString().slice(0, 19),
    updated_at: p.createdAt.toISOString().slice(0, 19),
    comments: [p.commentId],
    type: "PreviewFile",
  };
}
