import { z } from "zod";
import { baseRecordSchema, customDataSchema, idSchema, nameSchema, textSchema } from "./common.js";

/*
 * Edits, concepts and scenes: the entities Kitsu keeps beside shots and assets (Zou 1.0.67: entity
 * types "Edit", "Concept" and "Scene", blueprints edits/, concepts/ and shots/). An edit hangs on
 * its project (and on an episode of a tvshow, when given); a concept on its project; a scene on a
 * sequence.
 */

const entityFields = {
  projectId: idSchema,
  description: z.string().nullable(),
  /** Set when the tracker kept the record, tasks and all, rather than delete it. */
  canceled: z.boolean(),
  /** The entity's main preview (thumbnail). */
  previewId: idSchema.nullable(),
};

/** The schema of an edit record. */
export const editRecordSchema = baseRecordSchema.extend({
  ...entityFields,
  /** The episode the edit belongs to (tvshow projects); null for the whole project. */
  episodeId: idSchema.nullable(),
});
/** An edit (a cut of the film or of an episode) of a project. */
export type EditRecord = z.infer<typeof editRecordSchema>;

/** The schema of a concept record. */
export const conceptRecordSchema = baseRecordSchema.extend(entityFields);
/** A concept (a piece of concept art to review) of a project. */
export type ConceptRecord = z.infer<typeof conceptRecordSchema>;

/** The schema of a scene record. */
export const sceneRecordSchema = baseRecordSchema.extend({
  ...entityFields,
  sequenceId: idSchema,
});
/** A scene (a layout scene of a sequence, which shots are cut from) of a project. */
export type SceneRecord = z.infer<typeof sceneRecordSchema>;

const custom = { customData: customDataSchema.optional() };

/** What an adapter's `create("edit")` receives for an edit (relations as ids). */
export const editCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  episodeId: idSchema.nullable().optional(),
  description: textSchema.nullable().optional(),
  ...custom,
});
/** What an adapter's `update("edit")` receives for an edit: only the fields that change. */
export const editUpdateSchema = editCreateSchema
  .omit({ projectId: true, episodeId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

/** What an adapter's `create("concept")` receives for a concept (relations as ids). */
export const conceptCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  description: textSchema.nullable().optional(),
  ...custom,
});
/** What an adapter's `update("concept")` receives for a concept: only the fields that change. */
export const conceptUpdateSchema = conceptCreateSchema
  .omit({ projectId: true })
  .partial()
  .extend({ canceled: z.boolean().optional() });

/**
 * What an adapter's `create("scene")` receives for a scene (relations as ids). Zou takes a scene
 * without a sequence; Gadget asks for one, as `sequence.scenes` holds them. Zou's create route
 * takes only a name and a sequence: a description or custom data is set with `save()` after.
 */
export const sceneCreateSchema = z.object({
  name: nameSchema,
  projectId: idSchema,
  sequenceId: idSchema,
});
/** What an adapter's `update("scene")` receives for a scene: only the fields that change. */
export const sceneUpdateSchema = z.object({
  name: nameSchema.optional(),
  description: textSchema.nullable().optional(),
  canceled: z.boolean().optional(),
  ...custom,
});
