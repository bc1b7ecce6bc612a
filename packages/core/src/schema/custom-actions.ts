import { z } from "zod";
import { idSchema, nameSchema } from "./common.js";

/*
 * Kitsu's custom actions (Zou's `custom_action` table: name, url, entity_type, is_ajax): buttons of
 * the web UI that POST the selected tasks to a studio URL. They are studio settings, not production
 * records: no project, no custom data, no events, and Zou keeps no unique key on them.
 */

/**
 * Views whose selections offer the action in Kitsu's web UI: `all`, or one entity type (Kitsu's
 * front end filters on `asset`, `shot`, `sequence`, `episode`, `edit`).
 */
export const customActionEntityTypeSchema = z.enum(["all", "asset", "shot", "sequence", "episode", "edit"]);
/** Where Kitsu offers a custom action: `all` views or one entity type's. */
export type CustomActionEntityType = z.infer<typeof customActionEntityTypeSchema>;

/** Zou's column lengths for a custom action: name 80, url 400. */
export const customActionLimits = { name: 80, url: 400 } as const;

/** The schema of a custom action record. */
export const customActionRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The URL Kitsu posts the selection to (Zou lets it be empty). */
  url: z.string().nullable(),
  /** A string rather than the enum: Zou stores whatever an admin typed, and a record is never refused. */
  entityType: z.string(),
  /** True: Kitsu posts JSON in the background (XHR); false: it submits a form in a new tab. */
  isAjax: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** The tracker's own record, untouched. */
  raw: z.record(z.string(), z.unknown()),
});
/** A custom action as the tracker holds it. */
export type CustomActionRecord = z.infer<typeof customActionRecordSchema>;

const httpUrlSchema = z
  .string()
  .max(customActionLimits.url, `at most ${customActionLimits.url} characters (Zou's column)`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, 'expected an absolute http(s) URL, e.g. "https://pipeline.studio/kitsu/publish"');

/** What `tracker.customActions.new()` takes. */
export const customActionCreateSchema = z.strictObject({
  name: nameSchema.refine((value) => value.length <= customActionLimits.name, {
    message: `at most ${customActionLimits.name} characters (Zou's column)`,
  }),
  url: httpUrlSchema,
  entityType: customActionEntityTypeSchema.default("all"),
  isAjax: z.boolean().default(false),
});
/** The input of `tracker.customActions.new()`: name and URL, where it shows and how Kitsu posts. */
export type CustomActionInput = z.input<typeof customActionCreateSchema>;
/** A custom action as core hands it to an adapter's `customActions.create` (defaults applied). */
export type CustomActionCreateData = z.output<typeof customActionCreateSchema>;
