import type { AttachmentRecord, CommentRecord, PlaylistRecord, PreviewRecord } from "@gadget/core/adapter";
import type { KitsuState } from "../state.js";
import { naive } from "./common.js";

/* Comment, preview file, attachment and playlist rows (recorded 176, 181, 186, 189, 190, 231). */

/** Kitsu stores the checklist as sent; the model's index ids and nulls are not Kitsu's. */
export function checklist(c: CommentRecord, state: KitsuState): unknown {
  const sent = state.extra(c.id).checklist;
  if (Array.isArray(sent)) return sent;
  return c.checklist.map((i) => ({
    text: i.text,
    checked: i.checked,
    frame: i.frame ?? -1,
    revision: i.revision ?? -1,
  }));
}

/** The comment columns, without relations. */
export function commentColumns(c: CommentRecord, state: KitsuState): Record<string, unknown> {
  const { checklist: _sent, ...extra } = state.extra(c.id);
  return {
    shotgun_id: null,
    object_id: c.taskId,
    object_type: "Task",
    text: c.text,
    data: null,
    replies: [],
    checklist: checklist(c, state),
    pinned: c.pinned ? true : null,
    for_client: false,
    links: [],
    task_status_id: c.statusId,
    person_id: c.authorId,
    editor_id: null,
    preview_file_id: null,
    ...extra,
    id: c.id,
    created_at: naive(c.createdAt),
    updated_at: naive(c.updatedAt),
    type: "Comment",
  };
}

export function commentWithRelations(c: CommentRecord, state: KitsuState): Record<string, unknown> {
  return {
    ...commentColumns(c, state),
    previews: c.previewIds.map((id) => state.publicPreviewId(id)),
    mentions: c.mentionIds,
    department_mentions: state.extra(c.id).department_mentions ?? [],
    acknowledgements: [],
    attachment_files: c.attachments.map((a) => ({ id: a.id, name: a.name, extension: a.extension, size: a.size })),
  };
}

/** The columns of a preview file row, whether uploaded or only announced by add-preview. */
export interface PreviewFileColumns {
  /** The id clients know the preview by. */
  id: string;
  revision: number;
  position: number;
  extension: string;
  fileSize: number;
  status: string;
  validationStatus: string;
  width: number;
  height: number;
  duration: number;
  originalName: string | null;
  taskId: string;
  personId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A `PreviewFile` row; `extra` holds Kitsu columns the model lacks, `comments` is the relation when listed. */
export function previewFileRow(
  f: PreviewFileColumns,
  extra: Record<string, unknown>,
  comments?: readonly string[],
): Record<string, unknown> {
  return {
    name: f.id.slice(0, 13),
    original_name: f.originalName,
    revision: f.revision,
    position: f.position,
    extension: f.extension,
    description: null,
    path: null,
    source: "webgui",
    file_size: f.fileSize,
    status: f.status,
    validation_status: f.validationStatus,
    annotations: null,
    width: f.width,
    height: f.height,
    duration: f.duration,
    data: null,
    token_in: null,
    token_out: null,
    task_id: f.taskId,
    person_id: f.personId,
    source_file_id: null,
    shotgun_id: null,
    is_movie: false,
    url: null,
    uploaded_movie_url: null,
    uploaded_movie_name: null,
    ...extra,
    id: f.id,
    created_at: naive(f.createdAt),
    updated_at: naive(f.updatedAt),
    ...(comments ? { comments } : {}),
    type: "PreviewFile",
  };
}

export function preview(p: PreviewRecord, state: KitsuState, withComments: boolean): Record<string, unknown> {
  const uploaded = p.status !== "processing" || state.extra(p.id).original_name !== undefined;
  const columns: PreviewFileColumns = {
    id: state.publicPreviewId(p.id),
    revision: p.revision,
    position: p.position,
    extension: p.extension ?? "mp4",
    fileSize: p.size,
    status: p.status,
    validationStatus: p.validationStatus,
    width: p.width ?? 0,
    height: p.height ?? 0,
    duration: p.duration ?? 0,
    originalName: uploaded ? p.name : null,
    taskId: p.taskId,
    personId: p.personId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  const comments = withComments ? (p.commentId ? [p.commentId] : []) : undefined;
  return previewFileRow(columns, state.extra(p.id), comments);
}

/** A preview as task comment listings embed it. */
export function previewSummary(p: PreviewRecord, state: KitsuState): Record<string, unknown> {
  const full = preview(p, state, false);
  const keys = ["id", "task_id", "revision", "extension", "width", "height", "duration", "status"];
  const more = ["validation_status", "original_name", "position", "annotations"];
  return Object.fromEntries([...keys, ...more].map((k) => [k, full[k]]));
}

export function attachment(a: AttachmentRecord, comment: Record<string, unknown> | null): Record<string, unknown> {
  return {
    name: a.name,
    size: a.size,
    extension: a.extension,
    mimetype: a.mimetype,
    comment_id: a.commentId,
    reply_id: null,
    chat_message_id: null,
    id: a.id,
    created_at: naive(a.createdAt),
    updated_at: naive(a.updatedAt),
    comment,
    chat_message: null,
    type: "AttachmentFile",
  };
}

export function playlist(p: PlaylistRecord, state: KitsuState, relations: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {
    name: p.name,
    shots:
      p.entries.length === 0 && state.extra(p.id).shots === undefined
        ? null
        : p.entries.map((e) =>
            e.previewId
              ? { entity_id: e.entityId, preview_file_id: state.publicPreviewId(e.previewId) }
              : { entity_id: e.entityId },
          ),
    project_id: p.projectId,
    episode_id: p.episodeId,
    task_type_id: p.taskTypeId,
    for_client: p.forClient,
    for_entity: p.forEntity,
    is_for_all: false,
    created_by: null,
    ...state.extra(p.id),
  };
  row.shots = row.shots === undefined ? null : row.shots;
  if (relations) row.build_jobs = [];
  return { ...row, id: p.id, created_at: naive(p.createdAt), updated_at: naive(p.updatedAt), type: "Playlist" };
}
