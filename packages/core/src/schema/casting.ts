import { z } from "zod";
import { idSchema } from "./common.js";

/** One asset cast in a shot (or in an asset, an episode). */
export const castingLinkSchema = z.object({
  assetId: idSchema,
  occurrences: z.number().int().positive(),
  label: z.string(),
});
/** One asset cast in a shot (or asset, episode), with how often it appears. */
export type CastingLink = z.infer<typeof castingLinkSchema>;

/** Where an asset is cast: the reverse of a casting link. */
export const castInSchema = z.object({
  entityId: idSchema,
  entityKind: z.enum(["shot", "asset", "episode", "sequence"]),
  occurrences: z.number().int().positive(),
  label: z.string(),
});
/** One entity an asset is cast in. */
export type CastIn = z.infer<typeof castInSchema>;
