import { z } from "zod";
import { baseRecordSchema, idSchema, isoDateSchema } from "./common.js";

/** How a project is organised: `short`, `featurefilm`, or `tvshow` (with episodes). */
export const productionTypeSchema = z.enum(["short", "featurefilm", "tvshow"]);

/** The schema of a project record. */
export const projectRecordSchema = baseRecordSchema.extend({
  code: z.string().nullable(),
  description: z.string().nullable(),
  productionType: productionTypeSchema,
  /** `open` or `closed`, Kitsu's project status. */
  status: z.enum(["open", "closed"]),
  fps: z.number().positive().nullable(),
  ratio: z.string().nullable(),
  resolution: z.string().nullable(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** Person ids of the project's team. */
  team: z.array(idSchema),
  /** Task types enabled on the project. */
  taskTypeIds: z.array(idSchema),
  /** Task statuses enabled on the project (a comment may only use one of these). */
  taskStatusIds: z.array(idSchema),
  /** Asset types enabled on the project. */
  assetTypeIds: z.array(idSchema),
  /**
   * Kitsu's "set main preview automatically" setting: on, the first preview of every comment
   * becomes the main preview (thumbnail) of the task's shot or asset when its file is uploaded,
   * as `setMainPreview: true` would make it, whether or not the publish asked for it.
   */
  mainPreviewAutomated: z.boolean(),
});
/** A project (production). */
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

/** The schema of an episode record. */
export const episodeRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  description: z.string().nullable(),
  canceled: z.boolean(),
});
/** An episode of a tvshow project. */
export type EpisodeRecord = z.infer<typeof episodeRecordSchema>;

/** The schema of a sequence record. */
export const sequenceRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  /** Set on tvshow projects only. */
  episodeId: idSchema.nullable(),
  description: z.string().nullable(),
  canceled: z.boolean(),
});
/** A sequence of a project (or of an episode). */
export type SequenceRecord = z.infer<typeof sequenceRecordSchema>;

/** The schema of a shot record. */
export const shotRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  sequenceId: idSchema,
  episodeId: idSchema.nullable(),
  description: z.string().nullable(),
  canceled: z.boolean(),
  frameIn: z.number().int().nullable(),
  frameOut: z.number().int().nullable(),
  nbFrames: z.number().int().nullable(),
  fps: z.number().positive().nullable(),
  /** The shot's main preview (thumbnail). */
  previewId: idSchema.nullable(),
});
/** A shot of a sequence, with its frame range. */
export type ShotRecord = z.infer<typeof shotRecordSchema>;

/** The schema of an asset type record. */
export const assetTypeRecordSchema = baseRecordSchema.extend({
  shortName: z.string().nullable(),
  description: z.string().nullable(),
});
/** An asset type of the studio (Character, Prop, Environment, ...). */
export type AssetTypeRecord = z.infer<typeof assetTypeRecordSchema>;

/** The schema of an asset record. */
export const assetRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  assetTypeId: idSchema,
  /** Episode the asset was created in (tvshow projects). */
  episodeId: idSchema.nullable(),
  description: z.string().nullable(),
  canceled: z.boolean(),
  previewId: idSchema.nullable(),
});
/** An asset of a project. */
export type AssetRecord = z.infer<typeof assetRecordSchema>;
