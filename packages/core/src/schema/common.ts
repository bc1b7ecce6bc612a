import { z } from "zod";

/**
 * A tracker id. Branded so that a plain string (a name, a path) is never passed where an id is
 * expected by accident; `getId()` and `asId()` are the ways in.
 */
export const idSchema = z.string().min(1).brand<"TrackerId">();
/** A tracker id (branded: a plain string is not taken for one by accident). */
export type Id = z.infer<typeof idSchema>;

/** Casts a string the caller knows to be an id (from a tracker response, a config file). */
export const asId = (value: string): Id => value as Id;

/** A calendar day without time, `YYYY-MM-DD`, as trackers store start/due dates and time-spent days. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Free-form tracker data (Kitsu's `data` column); keys are the tracker's own. */
export const customDataSchema = z.record(z.string(), z.unknown());
/** Free-form tracker data, keyed by the tracker's own names. */
export type CustomData = z.infer<typeof customDataSchema>;

/** A duration in seconds, the model's one unit; inputs may also be `{ hours, minutes, seconds }`. */
export const secondsSchema = z.number().nonnegative();

/** A duration as inputs take it: seconds, or `{ hours, minutes, seconds }`. */
export const durationInputSchema = z.union([
  secondsSchema,
  z
    .object({
      hours: z.number().nonnegative().optional(),
      minutes: z.number().nonnegative().optional(),
      seconds: z.number().nonnegative().optional(),
    })
    .strict(),
]);
/** A duration as inputs take it: seconds, or `{ hours, minutes, seconds }`. */
export type DurationInput = z.infer<typeof durationInputSchema>;

/** Turns any accepted duration input into seconds. */
export function toSeconds(input: DurationInput): number {
  if (typeof input === "number") return input;
  return (input.hours ?? 0) * 3600 + (input.minutes ?? 0) * 60 + (input.seconds ?? 0);
}

/** Fields every record has, whatever its kind. */
export const baseRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  customData: customDataSchema,
  /** The tracker's own record, untouched, for the rare field the model lacks. */
  raw: z.record(z.string(), z.unknown()),
});
/** The fields every record has: id, name, timestamps, custom data and the tracker's raw record. */
export type BaseRecord = z.infer<typeof baseRecordSchema>;

/** Fields a tracker sets itself and a create or update input never carries. */
export const serverOwnedKeys = { id: true, createdAt: true, updatedAt: true, raw: true } as const;
