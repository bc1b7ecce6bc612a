import type { ConceptRecord, EditRecord, Id, SceneRecord } from "@gadget/core/adapter";
import { z } from "zod";
import { createdAt, customData, idOrNull, kitsuRow, parseRow, textOrNull, updatedAt } from "./values.js";

/* Edits, concepts and scenes: rows of Zou's `entity` table; the parent is an episode (edit) or a sequence (scene). */

const entityRow = kitsuRow.extend({ name: z.string(), project_id: z.string(), entity_type_id: z.string() });

/*
 * One shared literal, spread for the parent field: unlike shots and tasks (codec/production.ts writes each
 * record as its own fixed-order literal for V8's hidden classes), these lists are a project's handful of
 * cuts, concepts and scenes, where the shared code is worth more than the shape.
 */
function common(value: unknown, what: string) {
  const row = parseRow(entityRow, value, what);
  return {
    row,
    fields: {
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
    },
  };
}

export function decodeEdit(value: unknown): EditRecord {
  const { row, fields } = common(value, "edit");
  return { ...fields, episodeId: idOrNull(row.parent_id ?? row.episode_id) };
}

export function decodeConcept(value: unknown): ConceptRecord {
  return common(value, "concept").fields;
}

export function decodeScene(value: unknown): SceneRecord {
  const { row, fields } = common(value, "scene");
  // A scene made elsewhere without a sequence (Zou allows it) has no parent; the model needs one id.
  return { ...fields, sequenceId: (idOrNull(row.parent_id ?? row.sequence_id) ?? "") as Id };
}
