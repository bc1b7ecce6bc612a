import { asId, type CustomActionCreateData, type CustomActionRecord, ServerError } from "@gadget/core/adapter";
import { z } from "zod";
import { toDateRequired } from "./values.js";

/* Zou's `custom_action` rows (name, url, entity_type, is_ajax) ↔ core's CustomActionRecord. */

const customActionRow = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  url: z.string().nullish(),
  entity_type: z.string().nullish(),
  is_ajax: z.boolean().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

/** A custom action row as Zou answers it → the record (`entity_type` null reads as Zou's default, "all"). */
export function decodeCustomAction(row: unknown): CustomActionRecord {
  const parsed = customActionRow.safeParse(row);
  if (!parsed.success) throw ServerError.unexpectedResponse("a custom action", parsed.error.message);
  const r = parsed.data;
  return {
    id: asId(r.id),
    name: r.name,
    url: r.url ?? null,
    entityType: r.entity_type ?? "all",
    isAjax: r.is_ajax ?? false,
    createdAt: toDateRequired(r.created_at),
    updatedAt: toDateRequired(r.updated_at),
    raw: row as Record<string, unknown>,
  };
}

/** The POST body of a new custom action. */
export function encodeCustomAction(data: CustomActionCreateData): Record<string, unknown> {
  return { name: data.name, url: data.url, entity_type: data.entityType, is_ajax: data.isAjax };
}
