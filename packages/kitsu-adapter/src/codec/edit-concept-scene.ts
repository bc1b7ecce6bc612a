import type { ConceptRecord, EditRecord, Id, SceneRecord } from "@gadget/core/adapter";
import { z } from "zod";
import { createdAt, customData, idOrNull, kitsuRow, parseRow, textOrNull, updatedAt } from "./values.js";

/* Edits, concepts and scenes: rows of Zou's `entity` table; the parent is an episode (edit) or a sequence (scene). */

const entityRow = kitsuRow.extend({ name: z.string(), project_id: z.string(), entity_type_id: z.string() });

// One object literal per kind, every field in a fixed order, as the other decoders (codec/production.ts):
// records of a kind then share one hidden class.

export function decodeEdit(value: unknown): EditRecord {
  const row = parseRow(entityRow, value, "edit");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    projectId: row.project_id as Id,
    description: textOrNull(row.description),
    canceled: row.canceled === true,
    previewId: idOrNull(row.preview_file_id),
    episodeId: idOrNull(row.parent_id ?? row.episode_id),
  };
}

export function decodeConcept(value: unknown): ConceptRecord {
  const row = parseRow(entityRow, value, "concept");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    projectId: row.project_id as Id,
    description: textOrNull(row.description),
    canceled: row.canceled === true,
    previewId: idOrNull(row.preview_file_id),
  };
}

export function decodeScene(value: unknown): SceneRecord {
  const row = parseRow(entityRow, value, "scene");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    projectId: row.project_id as Id,
    description: textOrNull(row.description),
    canceled: row.canceled === true,
    previewId: idOrNull(row.preview_file_id),
    // A scene made elsewhere without a sequence (Zou allows it) has no parent; the model needs one id.
    sequenceId: (idOrNull(row.parent_id ?? row.sequence_id) ?? "") as Id,
  };
}
