import { z } from "zod";
import type { BatchProgress } from "../adapter/contract.js";
import type { TransferProgress } from "../adapter/files.js";

/*
 * The options objects of the public calls, as zod schemas: checked before the call does anything,
 * so that `{ force: "no" }` or `{ limit: -1 }` is refused by name instead of read loosely.
 */

const signal = z.instanceof(AbortSignal, { message: "expected an AbortSignal (e.g. AbortSignal.timeout(60_000))" });
const onProgress = z.custom<(progress: TransferProgress) => void>((value) => typeof value === "function", {
  message: "expected a function",
});

/** `entity.delete(options)`. */
export const removeOptionsSchema = z.strictObject({ force: z.boolean().optional() });

/** `collection.newMany(inputs, options)`. */
export const createManyOptionsSchema = z.strictObject({
  concurrency: z.number().int().positive().optional(),
  onProgress: z
    .custom<(progress: BatchProgress) => void>((value) => typeof value === "function", {
      message: "expected a function",
    })
    .optional(),
});

/** Upload and download options: progress and cancellation. */
export const transferOptionsShape = { onProgress: onProgress.optional(), signal: signal.optional() };

/** `comment.attach(paths, options)`. */
export const transferOptionsSchema = z.strictObject(transferOptionsShape);

/** `comment.addPreview(path, options)`. */
export const addPreviewOptionsSchema = z.strictObject({ ...transferOptionsShape, setMain: z.boolean().optional() });

/** The kinds `tracker.search()` finds. */
export const searchKinds = ["shot", "asset", "sequence", "episode", "person"] as const;

/** `tracker.search(text, options)`; `project` is resolved by the session. */
export const searchOptionsSchema = z.strictObject({
  project: z.unknown().optional(),
  kinds: z
    .array(z.string())
    .min(1, "is empty, so nothing would be found; leave it out to search every kind")
    .superRefine((given, ctx) => {
      given.forEach((kind, index) => {
        if (!(searchKinds as readonly string[]).includes(kind)) {
          ctx.addIssue({
            code: "custom",
            path: [index],
            message: `"${kind}" is not a kind search finds; use ${searchKinds.join(", ")}`,
          });
        }
      });
    })
    .optional(),
  limit: z.number().int().positive().max(1000).optional(),
});

/** `events.since(from, options)`. */
export const sinceOptionsSchema = z.strictObject({
  signal: signal.optional(),
  follow: z.boolean().optional(),
  limit: z.number().int().positive().max(10_000).optional(),
  clockSkewMs: z.number().nonnegative().optional(),
});

/** `project.events(options)`; the names are checked against the vocabulary by the caller. */
export const liveEventsOptionsSchema = z.strictObject({
  signal: signal.optional(),
  names: z.array(z.string()).optional(),
});
