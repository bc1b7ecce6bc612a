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

/** What an adapter's `create("project")` receives for a project (relations as ids). */
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
/** What an adapter's `update("project")` receives for a project: only the fields that change. */
export const projectUpdateSchema = projectCreateSchema
  .omit({ productionType: true })
  .partial()
  .extend({ status: z.enum(["open", "closed"]).optional() });

/** What an adapter's `create("episode")` receives for an episode (relations as ids). */
export const episodeCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  description: z.string().nullable().optional(),
  ...custom,
});
/** What an adapter's `update("episode")` receives for an episode: only the fields that change. */
export const episodeUpdateSchema = episodeCreateSchema.omit({ projectId: true }).partial();

/** What an adapter's `create("sequence")` receives for a sequence (relations as ids). */
export const sequenceCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: z.string().nullable().optional(),
  ...custom,
});
/** What an adapter's `update("sequence")` receives for a sequence: only the fields that change. */
export const sequenceUpdateSchema = sequenceCreateSchema.omit({ projectId: true, episodeId: true }).partial();

/** What an adapter's `create("shot")` receives for a shot (relations as ids). */
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
/** What an adapter's `update("shot")` receives for a shot: only the fields that change. */
export const shotUpdateSchema = shotCreateSchema
  .omit({ projectId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

/** What an adapter's `create("assetType")` receives for an asset type (relations as ids). */
export const assetTypeCreateSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
/** What an adapter's `update("assetType")` receives for an asset type: only the fields that change. */
export const assetTypeUpdateSchema = assetTypeCreateSchema.partial();

/** What an adapter's `create("asset")` receives for an asset (relations as ids). */
export const assetCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  assetTypeId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: z.string().nullable().optional(),
  ...custom,
});
/** What an adapter's `update("asset")` receives for an asset: only the fields that change. */
export const assetUpdateSchema = assetCreateSchema
  .omit({ projectId: true, episodeId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

/** What an adapter's `create("task")` receives for a task (relations as ids). */
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
/** What an adapter's `update("task")` receives for a task: only the fields that change. */
export const taskUpdateSchema = taskCreateSchema
  .omit({ entityId: true, taskTypeId: true, statusId: true, assigneeIds: true })
  .partial();

/** What an adapter's `create("taskType")` receives for a task type (relations as ids). */
export const taskTypeCreateSchema = z.object({
  name: z.string().min(1),
  forShots: z.boolean(),
  shortName: z.string().nullable().optional(),
  color: z.string().optional(),
  priority: z.number().int().optional(),
  departmentId: idSchema.nullable().optional(),
  allowTimelog: z.boolean().optional(),
});
/** What an adapter's `update("taskType")` receives for a task type: only the fields that change. */
export const taskTypeUpdateSchema = taskTypeCreateSchema.omit({ forShots: true }).partial();

/** What an adapter's `create("taskStatus")` receives for a task status (relations as ids). */
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
/** What an adapter's `update("taskStatus")` receives for a task status: only the fields that change. */
export const taskStatusUpdateSchema = taskStatusCreateSchema.partial();

/** What an adapter's `create("person")` receives for a person (relations as ids). */
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
/** What an adapter's `update("person")` receives for a person: only the fields that change. */
export const personUpdateSchema = personCreateSchema.partial();

/** What an adapter's `create("department")` receives for a department (relations as ids). */
export const departmentCreateSchema = z.object({
  name: z.string().min(1),
  color: z.string().optional(),
});
/** What an adapter's `update("department")` receives for a department: only the fields that change. */
export const departmentUpdateSchema = departmentCreateSchema.partial();

/** What an adapter's `create("playlist")` receives for a playlist (relations as ids). */
export const playlistCreateSchema = z.object({
  name: z.string().min(1),
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  taskTypeId: idSchema.nullable().optional(),
  forClient: z.boolean().optional(),
  forEntity: z.enum(["shot", "asset"]).optional(),
});
/** What an adapter's `update("playlist")` receives for a playlist: only the fields that change. */
export const playlistUpdateSchema = playlistCreateSchema.omit({ projectId: true, episodeId: true }).partial();

/** What an adapter's `update("comment")` receives for a comment: only the fields that change. */
export const commentUpdateSchema = z.object({
  text: z.string().optional(),
  checklist: z.array(checklistItemSchema.omit({ id: true })).optional(),
  pinned: z.boolean().optional(),
});

/** What an adapter's `update("preview")` receives for a preview: only the fields that change. */
export const previewUpdateSchema = z.object({
  validationStatus: z.enum(["validated", "rejected", "neutral"]).optional(),
});

export { playlistEntrySchema };
