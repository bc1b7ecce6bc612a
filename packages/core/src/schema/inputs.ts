import { z } from "zod";
import {
  colorSchema,
  customDataSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  optionalNameSchema,
  secondsSchema,
  textSchema,
} from "./common.js";
import { forEntityOf } from "./for-entity.js";
import { personRoleSchema } from "./people.js";
import { productionTypeSchema } from "./production.js";
import { checklistItemSchema, playlistEntrySchema, playlistForEntitySchema } from "./reviews.js";
import { taskEntityKindSchema } from "./tasks.js";

/*
 * What an adapter receives to create or update a record. Relations are ids here: core resolves
 * names and entities before it calls an adapter. `customData` in an update is merged key by key
 * into what the tracker holds (a key set to null is blanked), never replaced whole.
 */

const custom = { customData: customDataSchema.optional() };

/** A frame number or count: Kitsu keeps whole frames from 0. */
const frameSchema = z.number().int().nonnegative();

/** What an adapter's `create("project")` receives for a project (relations as ids). */
export const projectCreateSchema = z.object({
  name: nameSchema,
  code: textSchema.nullable().optional(),
  description: textSchema.nullable().optional(),
  productionType: productionTypeSchema.default("short"),
  fps: z.number().positive().nullable().optional(),
  ratio: z.string().nullable().optional(),
  resolution: z.string().nullable().optional(),
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  /**
   * Kitsu's "set main preview automatically": the first preview of each comment becomes the main
   * preview of the task's shot or asset, without `setMainPreview` (see `ProjectRecord`). Left out,
   * the tracker's default: off.
   *
   * @default false
   * @example
   * mainPreviewAutomated: true
   */
  mainPreviewAutomated: z.boolean().optional(),
  ...custom,
});
/** What an adapter's `update("project")` receives for a project: only the fields that change. */
export const projectUpdateSchema = projectCreateSchema
  .omit({ productionType: true })
  .partial()
  .extend({ status: z.enum(["open", "closed"]).optional() });

/** What an adapter's `create("episode")` receives for an episode (relations as ids). */
export const episodeCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  description: textSchema.nullable().optional(),
  ...custom,
});
/** What an adapter's `update("episode")` receives for an episode: only the fields that change. */
export const episodeUpdateSchema = episodeCreateSchema.omit({ projectId: true }).partial();

/** What an adapter's `create("sequence")` receives for a sequence (relations as ids). */
export const sequenceCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: textSchema.nullable().optional(),
  ...custom,
});
/** What an adapter's `update("sequence")` receives for a sequence: only the fields that change. */
export const sequenceUpdateSchema = sequenceCreateSchema.omit({ projectId: true, episodeId: true }).partial();

/** What an adapter's `create("shot")` receives for a shot (relations as ids). */
export const shotCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  sequenceId: idSchema,
  description: textSchema.nullable().optional(),
  frameIn: frameSchema.nullable().optional(),
  frameOut: frameSchema.nullable().optional(),
  /** Derived from frameIn/frameOut when both are given and this is not. */
  nbFrames: frameSchema.nullable().optional(),
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
  name: nameSchema,
  shortName: nameSchema.nullable().optional(),
  description: textSchema.nullable().optional(),
});
/** What an adapter's `update("assetType")` receives for an asset type: only the fields that change. */
export const assetTypeUpdateSchema = assetTypeCreateSchema.partial();

/** What an adapter's `create("asset")` receives for an asset (relations as ids). */
export const assetCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  assetTypeId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: textSchema.nullable().optional(),
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
  name: nameSchema.optional(),
  /** @default the tracker's default status */
  statusId: idSchema.optional(),
  assigneeIds: z.array(idSchema).optional(),
  description: textSchema.nullable().optional(),
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

const taskTypeFields = z.object({
  name: nameSchema,
  /**
   * Shorthand kept for existing tools: true is `forEntity: "shot"`, false `forEntity: "asset"`.
   * Give one of `forShots` and `forEntity`.
   */
  forShots: z.boolean().optional(),
  /** The kind of entity the type's tasks hang on; wins over `forShots`, which must agree when both are given. */
  forEntity: taskEntityKindSchema.optional(),
  shortName: nameSchema.nullable().optional(),
  color: colorSchema.optional(),
  priority: z.number().int().optional(),
  departmentId: idSchema.nullable().optional(),
  allowTimelog: z.boolean().optional(),
});
/** What an adapter's `create("taskType")` receives for a task type (relations as ids). */
export const taskTypeCreateSchema = taskTypeFields.superRefine((input, ctx) => {
  if (forEntityOf(input) !== undefined) return;
  ctx.addIssue({
    code: "custom",
    path: input.forEntity === undefined ? ["forEntity"] : ["forShots"],
    message:
      input.forEntity === undefined
        ? 'give the kind of entity the type is for: forEntity ("shot", "asset", "edit", ...) or forShots'
        : `forShots: ${String(input.forShots)} contradicts forEntity: "${input.forEntity}"; give forEntity alone`,
  });
});
/** What an adapter's `update("taskType")` receives for a task type: only the fields that change. */
export const taskTypeUpdateSchema = taskTypeFields.omit({ forShots: true, forEntity: true }).partial();

/** What an adapter's `create("taskStatus")` receives for a task status (relations as ids). */
export const taskStatusCreateSchema = z.object({
  name: nameSchema,
  shortName: nameSchema,
  color: colorSchema.optional(),
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
  firstName: nameSchema,
  /** May be empty (a bot, a single-name person); never blank or padded. */
  lastName: optionalNameSchema,
  email: z.string().email().nullable().optional(),
  desktopLogin: optionalNameSchema.nullable().optional(),
  role: personRoleSchema.optional(),
  active: z.boolean().optional(),
  departmentIds: z.array(idSchema).optional(),
  ...custom,
});
/** What an adapter's `update("person")` receives for a person: only the fields that change. */
export const personUpdateSchema = personCreateSchema.partial();

/** What an adapter's `create("department")` receives for a department (relations as ids). */
export const departmentCreateSchema = z.object({
  name: nameSchema,
  color: colorSchema.optional(),
});
/** What an adapter's `update("department")` receives for a department: only the fields that change. */
export const departmentUpdateSchema = departmentCreateSchema.partial();

/** What an adapter's `create("playlist")` receives for a playlist (relations as ids). */
export const playlistCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  taskTypeId: idSchema.nullable().optional(),
  forClient: z.boolean().optional(),
  forEntity: playlistForEntitySchema.optional(),
});
/** What an adapter's `update("playlist")` receives for a playlist: only the fields that change. */
export const playlistUpdateSchema = playlistCreateSchema.omit({ projectId: true, episodeId: true }).partial();

/** A checklist item as a comment input gives it; `frame` and `revision` pin it to a frame of a preview. */
export const checklistInputSchema = z.strictObject({
  text: textSchema,
  checked: z.boolean().optional(),
  frame: frameSchema.nullable().optional(),
  revision: z.number().int().positive().nullable().optional(),
});

/** What an adapter's `update("comment")` receives for a comment: only the fields that change. */
export const commentUpdateSchema = z.object({
  text: textSchema.optional(),
  checklist: z.array(checklistItemSchema.omit({ id: true }).extend(checklistInputSchema.shape)).optional(),
  pinned: z.boolean().optional(),
});

/** What an adapter's `update("preview")` receives for a preview: only the fields that change. */
export const previewUpdateSchema = z.object({
  validationStatus: z.enum(["validated", "rejected", "neutral"]).optional(),
});

export { playlistEntrySchema };
