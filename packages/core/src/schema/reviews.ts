import { z } from "zod";
import { baseRecordSchema, idSchema } from "./common.js";

/** The schema of a comment's checklist item. */
export const checklistItemSchema = z.object({
  /** Index-based, stable while the list is not reordered (Kitsu items carry no id). */
  id: z.string(),
  text: z.string(),
  checked: z.boolean(),
  /** Frame the item refers to, or null. */
  frame: z.number().int().nullable(),
  /** Preview revision the item refers to, or null. */
  revision: z.number().int().nullable(),
});
/** An item of a comment's checklist. */
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** The schema of an attachment as a comment lists it. */
export const attachmentSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  extension: z.string(),
  size: z.number().int().nonnegative(),
});
/** An attachment as a comment lists it: id and file name. */
export type AttachmentSummary = z.infer<typeof attachmentSummarySchema>;

/** The schema of a comment record. */
export const commentRecordSchema = baseRecordSchema.extend({
  taskId: idSchema,
  /** The comment's text (a comment's `name` is its text too, so that every record has one). */
  text: z.string(),
  statusId: idSchema,
  authorId: idSchema.nullable(),
  checklist: z.array(checklistItemSchema),
  previewIds: z.array(idSchema),
  attachments: z.array(attachmentSummarySchema),
  mentionIds: z.array(idSchema),
  pinned: z.boolean(),
});
/** A comment on a task, which set the task's status. */
export type CommentRecord = z.infer<typeof commentRecordSchema>;

/** The schema of a preview record. */
export const previewRecordSchema = baseRecordSchema.extend({
  taskId: idSchema,
  commentId: idSchema.nullable(),
  personId: idSchema.nullable(),
  revision: z.number().int().positive(),
  position: z.number().int().positive(),
  /** `name` is the uploaded file's name without extension (Kitsu's `original_name`). */
  extension: z.string().nullable(),
  size: z.number().int().nonnegative(),
  status: z.enum(["processing", "ready", "broken", "missing"]),
  validationStatus: z.enum(["validated", "rejected", "neutral"]),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Seconds, for movies. */
  duration: z.number().nonnegative().nullable(),
});
/** A preview revision (movie, picture) posted with a comment. */
export type PreviewRecord = z.infer<typeof previewRecordSchema>;

/** The schema of an attachment record. */
export const attachmentRecordSchema = baseRecordSchema.extend({
  commentId: idSchema,
  extension: z.string(),
  size: z.number().int().nonnegative(),
  mimetype: z.string().nullable(),
});
/** A file attached to a comment. */
export type AttachmentRecord = z.infer<typeof attachmentRecordSchema>;

/** The schema of a playlist entry. */
export const playlistEntrySchema = z.object({
  entityId: idSchema,
  previewId: idSchema.nullable(),
});
/** An entity (of the playlist's `forEntity` kind) in a playlist, with the preview shown for it. */
export type PlaylistEntry = z.infer<typeof playlistEntrySchema>;

/**
 * The kinds a playlist reviews, as Zou 1.0.67 accepts them (playlists_service
 * VALID_FOR_ENTITY_VALUES): concepts and scenes cannot be played.
 */
export const playlistForEntitySchema = z.enum(["shot", "asset", "sequence", "edit", "episode"]);
/** A kind a playlist can review: shot, asset, sequence, edit or episode. */
export type PlaylistForEntity = z.infer<typeof playlistForEntitySchema>;

/** The schema of a playlist record. */
export const playlistRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  episodeId: idSchema.nullable(),
  taskTypeId: idSchema.nullable(),
  forClient: z.boolean(),
  forEntity: playlistForEntitySchema,
  entries: z.array(playlistEntrySchema),
});
/** A review playlist of a project. */
export type PlaylistRecord = z.infer<typeof playlistRecordSchema>;
