import { z } from "zod";
import { customDataSchema, idSchema, isoDateSchema, secondsSchema } from "./common.js";
import { personRoleSchema } from "./people.js";
import { productionTypeSchema } from "./production.js";
import { checklistItemSchema, playlistEntrySchema } from "./reviews.js";

/*
 * What an adapter receives to create or update a record. Relations are ids here: core resolves
 * names and entities before it calls an adapter. `customData` in an update is merged key by key
 * into what the tracker holds (a key set to null is blanked), never replaced whole.
 */

const custom = { customData: customDataSchema.optional() };

export const projectCreateSchema = z.object({
  name: z.string().min(1),
  code: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  productionType: productionTypeSchema.default("short"),
  fps: z.number().positive().nullable().optional(),
  ratio: z.string().nullable().optional(),
  resolution: z.string().nullable().optional(),
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  ...custom,
});
export const projectUpdateSchema = projectCreateSchema
  .omit({ productionType: true })
  .partial()
  .extend({ status: z.enum(["open", "closed"]).optional() });

export const episodeCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  description: z.string().nullable().optional(),
  ...custom,
});
export const episodeUpdateSchema = episodeCreateSchema.omit({ projectId: true }).partial();

export const sequenceCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: z.string().nullable().optional(),
  ...custom,
});
export const sequenceUpdateSchema = sequenceCreateSchema.omit({ projectId: true, episodeId: true }).partial();

export const shotCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  sequenceId: idSchema,
  description: z.string().nullable().optional(),
  frameIn: z.number().int().nullable().optional(),
  frameOut: z.number().int().nullable().optional(),
  /** Derived from frameIn/frameOut when both are given and this is not. */
  nbFrames: z.number().int().nullable().optional(),
  fps: z.number().positive().nullable().optional(),
  ...custom,
});
export const shotUpdateSchema = shotCreateSchema
  .omit({ projectId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

export const assetTypeCreateSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export const assetTypeUpdateSchema = assetTypeCreateSchema.partial();

export const assetCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  assetTypeId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: z.string().nullable().optional(),
  ...custom,
});
export const assetUpdateSchema = assetCreateSchema
  .omit({ projectId: true, episodeId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

export const taskCreateSchema = z.object({
  entityId: idSchema,
  taskTypeId: idSchema,
  /** @default "main" */
  name: z.string().min(1).optional(),
  /** @default the tracker's default status */
  statusId: idSchema.optional(),
  assigneeIds: z.array(idSchema).optional(),
  description: z.string().nullable().optional(),
  priority: z.number().int().optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  startDate: isoDateSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  estimation: secondsSchema.optional(),
  ...custom,
});
export const taskUpdateSchema = taskCreateSchema
  .omit({ entityId: true, taskTypeId: true, statusId: true, assigneeIds: true })
  .partial();

export const taskTypeCreateSchema = z.object({
  name: z.string().min(1),
  forShots: z.boolean(),
  shortName: z.string().nullable().optional(),
  color: z.string().optional(),
  priority: z.number().int().optional(),
  departmentId: idSchema.nullable().optional(),
  allowTimelog: z.boolean().optional(),
});
export const taskTypeUpdateSchema = taskTypeCreateSchema.omit({ forShots: true }).partial();

export const taskStatusCreateSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1).max(10),
  color: z.string().optional(),
  priority: z.number().int().optional(),
  isDefault: z.boolean().optional(),
  isDone: z.boolean().optional(),
  isRetake: z.boolean().optional(),
  isWip: z.boolean().optional(),
  isFeedbackRequest: z.boolean().optional(),
  isArtistAllowed: z.boolean().optional(),
  isClientAllowed: z.boolean().optional(),
});
export const taskStatusUpdateSchema = taskStatusCreateSchema.partial();

export const personCreateSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().email().nullable().optional(),
  desktopLogin: z.string().nullable().optional(),
  role: personRoleSchema.optional(),
  active: z.boolean().optional(),
  departmentIds: z.array(idSchema).optional(),
  ...custom,
});
export const personUpdateSchema = personCreateSchema.partial();

export const departmentCreateSchema = z.object({
  name: z.string().min(1),
  color: z.string().optional(),
});
export const departmentUpdateSchema = departmentCreateSchema.partial();

export const playlistCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  taskTypeId: idSchema.nullable().optional(),
  forClient: z.boolean().optional(),
  forEntity: z.enum(["shot", "asset"]).optional(),
});
export const playlistUpdateSchema = playlistCreateSchema.omit({ projectId: true, episodeId: true }).partial();

export const commentUpdateSchema = z.object({
  text: z.string().optional(),
  checklist: z.array(checklistItemSchema.omit({ id: true })).optional(),
  pinned: z.boolean().optional(),
});

export const previewUpdateSchema = z.object({
  validationStatus: z.enum(["validated", "rejected", "neutral"]).optional(),
});

export { playlistEntrySchema };
