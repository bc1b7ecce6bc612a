import type {
  AttachmentRecord,
  AttachmentSummary,
  ChecklistItem,
  CommentRecord,
  Id,
  PlaylistEntry,
  PlaylistRecord,
  PreviewRecord,
} from "@gadget/core/adapter";
import { playlistForEntitySchema } from "@gadget/core/adapter";
import { z } from "zod";
import {
  createdAt,
  customData,
  idList,
  idOrNull,
  kitsuRow,
  parseRow,
  textOrNull,
  toInt,
  toNumber,
  updatedAt,
} from "./values.js";

/** Kitsu checklist items carry no id; the index is the id (stable while the list is not reordered). */
export function decodeChecklist(value: unknown): ChecklistItem[] {
  if (!Array.isArray(value)) return [];
  return value.map((item, index) => {
    const o = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const frame = toInt(o.frame);
    const revision = toInt(o.revision);
    return {
      id: String(index),
      text: typeof o.text === "string" ? o.text : "",
      checked: o.checked === true,
      // Kitsu's UI writes -1 for "no frame/revision".
      frame: frame === null || frame < 0 ? null : frame,
      revision: revision === null || revision < 0 ? null : revision,
    };
  });
}

function decodeAttachmentSummaries(value: unknown): AttachmentSummary[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) => {
    if (typeof a !== "object" || a === null) return [];
    const o = a as Record<string, unknown>;
    if (typeof o.id !== "string") return [];
    return [
      {
        id: o.id as Id,
        name: String(o.name ?? ""),
        extension: String(o.extension ?? ""),
        size: Math.max(0, toInt(o.size) ?? 0),
      },
    ];
  });
}

const commentRow = kitsuRow.extend({ object_id: z.string(), task_status_id: z.string() });

export function decodeComment(value: unknown): CommentRecord {
  const row = parseRow(commentRow, value, "comment");
  const text = typeof row.text === "string" ? row.text : "";
  // batch-comment answers with `previews: []` and the uploaded previews in `preview_files`.
  const previewIds = [...new Set([...idList(row.previews), ...idList(row.preview_files)])];
  return {
    id: row.id as Id,
    name: text,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    taskId: row.object_id as Id,
    text,
    statusId: row.task_status_id as Id,
    authorId: idOrNull(row.person_id),
    checklist: decodeChecklist(row.checklist),
    previewIds,
    attachments: decodeAttachmentSummaries(row.attachment_files),
    mentionIds: idList(row.mentions),
    pinned: row.pinned === true,
  };
}

const previewRow = kitsuRow.extend({ task_id: z.string() });
const attachmentRow = kitsuRow.extend({ name: z.string() });
const playlistRow = kitsuRow.extend({ name: z.string(), project_id: z.string() });

const previewStatuses = ["processing", "ready", "broken", "missing"] as const;
const validationStatuses = ["validated", "rejected", "neutral"] as const;

export function decodePreview(value: unknown): PreviewRecord {
  const row = parseRow(previewRow, value, "preview");
  const status = String(row.status ?? "").toLowerCase();
  const validation = String(row.validation_status ?? "");
  const comments = idList(row.comments);
  return {
    id: row.id as Id,
    name: textOrNull(row.original_name) ?? String(row.name ?? ""),
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    taskId: row.task_id as Id,
    commentId: comments[0] ?? idOrNull(row.comment_id),
    personId: idOrNull(row.person_id),
    revision: Math.max(1, toInt(row.revision) ?? 1),
    position: Math.max(1, toInt(row.position) ?? 1),
    extension: textOrNull(row.extension),
    size: Math.max(0, toInt(row.file_size) ?? 0),
    status: previewStatuses.find((s) => s === status) ?? "processing",
    validationStatus: validationStatuses.find((s) => s === validation) ?? "neutral",
    width: toInt(row.width),
    height: toInt(row.height),
    // Preview durations are already seconds in Zou (unlike task durations).
    duration: toNumber(row.duration),
  };
}

export function decodeAttachment(value: unknown): AttachmentRecord {
  const row = parseRow(attachmentRow, value, "attachment");
  const comment = row.comment as { id?: unknown } | undefined;
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: {},
    raw: row,
    commentId: String(row.comment_id ?? comment?.id ?? "") as Id,
    extension: String(row.extension ?? ""),
    size: Math.max(0, toInt(row.size) ?? 0),
    mimetype: textOrNull(row.mimetype),
  };
}

export function decodePlaylistEntries(value: unknown): PlaylistEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s) => {
    if (typeof s !== "object" || s === null) return [];
    const o = s as Record<string, unknown>;
    // Older playlists store the entity as `id`.
    const entityId = idOrNull(o.entity_id ?? o.id);
    return entityId ? [{ entityId, previewId: idOrNull(o.preview_file_id) }] : [];
  });
}

export function decodePlaylist(value: unknown): PlaylistRecord {
  const row = parseRow(playlistRow, value, "playlist");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    projectId: row.project_id as Id,
    episodeId: idOrNull(row.episode_id),
    taskTypeId: idOrNull(row.task_type_id),
    forClient: row.for_client === true,
    // Zou reads a null for_entity as "shot" (playlists_service.build_playlist_dict).
    forEntity: playlistForEntitySchema.safeParse(row.for_entity).data ?? "shot",
    entries: decodePlaylistEntries(row.shots),
  };
}
