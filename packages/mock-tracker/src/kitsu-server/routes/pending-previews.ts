import type { Id } from "@gadget/core/adapter";
import { type PreviewFileColumns, previewFileRow } from "../codec/reviews.js";
import type { ServerContext } from "../server-context.js";
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
  const columns: PreviewFileColumns = {
    id: p.id,
    revision: p.revision,
    position: 1,
    extension: "mp4",
    fileSize: 0,
    status: "processing",
    validationStatus: "neutral",
    width: 0,
    height: 0,
    duration: 0,
    originalName: null,
    taskId: p.taskId,
    personId: p.personId,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  };
  return previewFileRow(columns, {}, [p.commentId]);
}
