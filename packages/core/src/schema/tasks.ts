import { z } from "zod";
import { baseRecordSchema, idSchema, isoDateSchema, secondsSchema } from "./common.js";

/** The kinds a task can hang on (Zou's task type `for_entity`, lowercased). */
export const taskEntityKindSchema = z.enum(["shot", "asset", "sequence", "episode", "edit", "concept", "scene"]);
/** The kinds a task can be on: shot, asset, sequence, episode, edit, concept, scene. */
export type TaskEntityKind = z.infer<typeof taskEntityKindSchema>;

/** The schema of a task record. */
export const taskRecordSchema = baseRecordSchema.extend({
  projectId: idSchema,
  entityId: idSchema,
  entityKind: taskEntityKindSchema,
  taskTypeId: idSchema,
  statusId: idSchema,
  assigneeIds: z.array(idSchema),
  description: z.string().nullable(),
  priority: z.number().int(),
  difficulty: z.number().int().min(1).max(5),
  startDate: isoDateSchema.nullable(),
  dueDate: isoDateSchema.nullable(),
  /** Seconds. */
  estimation: secondsSchema,
  /** Seconds: the sum of the task's time spent. */
  duration: secondsSchema,
  /** How many times a comment moved the task into a retake status from another status. */
  nbRetakes: z.number().int().nonnegative(),
  lastCommentAt: z.date().nullable(),
  lastPreviewId: idSchema.nullable(),
});
/** A task: one task type of work on a shot, asset, sequence or episode. */
export type TaskRecord = z.infer<typeof taskRecordSchema>;

/** The schema of a task type record. */
export const taskTypeRecordSchema = baseRecordSchema.extend({
  shortName: z.string().nullable(),
  color: z.string(),
  priority: z.number().int(),
  /**
   * True: the type applies to shots (and other temporal entities); false: to assets and concepts.
   * Kept for existing tools; `forEntity` says which kind exactly.
   */
  forShots: z.boolean(),
  /** The one kind of entity this type's tasks hang on (Zou's `for_entity`). */
  forEntity: taskEntityKindSchema,
  departmentId: idSchema.nullable(),
  allowTimelog: z.boolean(),
});
/** A task type of the studio (Animation, Layout, ...). */
export type TaskTypeRecord = z.infer<typeof taskTypeRecordSchema>;

/** The schema of a task status record. */
export const taskStatusRecordSchema = baseRecordSchema.extend({
  shortName: z.string(),
  color: z.string(),
  priority: z.number().int(),
  isDefault: z.boolean(),
  isDone: z.boolean(),
  isRetake: z.boolean(),
  isWip: z.boolean(),
  isFeedbackRequest: z.boolean(),
  isArtistAllowed: z.boolean(),
  isClientAllowed: z.boolean(),
});
/** A task status of the studio (`todo`, `wip`, `wfa`, ...). */
export type TaskStatusRecord = z.infer<typeof taskStatusRecordSchema>;

/** The schema of a time-spent record. */
export const timeSpentRecordSchema = baseRecordSchema.extend({
  taskId: idSchema,
  personId: idSchema,
  date: isoDateSchema,
  /** Seconds. */
  duration: secondsSchema,
});
/** The time a person spent on a task on one day. */
export type TimeSpentRecord = z.infer<typeof timeSpentRecordSchema>;
