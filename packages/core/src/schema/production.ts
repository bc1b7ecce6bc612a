import { z } from "zod";
import { baseRecordSchema, idSchema, isoDateSchema } from "./common.js";

export const productionTypeSchema = z.enum(["short", "featurefilm", "tvshow"]);

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
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const episodeRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  description: z.string().nullable(),
  canceled: z.boolean(),
});
export type EpisodeRecord = z.infer<typeof episodeRecordSchema>;

export const sequenceRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  /** Set on tvshow projects only. */
  episodeId: idSchema.nullable(),
  description: z.string().nullable(),
  canceled: z.boolean(),
});
export type SequenceRecord = z.infer<typeof sequenceRecordSchema>;

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
export type ShotRecord = z.infer<typeof shotRecordSchema>;

export const assetTypeRecordSchema = baseRecordSchema.extend({
  shortName: z.string().nullable(),
  description: z.string().nullable(),
});
export type AssetTypeRecord = z.infer<typeof assetTypeRecordSchema>;

export const assetRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  assetTypeId: idSchema,
  /** Episode the asset was created in (tvshow projects). */
  episodeId: idSchema.nullable(),
  description: z.string().nullable(),
  canceled: z.boolean(),
  previewId: idSchema.nullable(),
});
export type AssetRecord = z.infer<typeof assetRecordSchema>;
