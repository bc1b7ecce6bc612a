import type { z } from "zod";
import * as e from "./edit-concept-scene.js";
import * as i from "./inputs.js";
import * as h from "./people.js";
import * as p from "./production.js";
import * as r from "./reviews.js";
import * as t from "./tasks.js";

/**
 * Every entity kind with its schemas: the one table core, the adapters and the compliance suite
 * read. `create`/`update` are absent for kinds written only through domain operations
 * (comments through `comment()`, previews through `addPreview()`, time spent through
 * `setTimeSpent/addTimeSpent`).
 */
export const kinds = {
  project: { record: p.projectRecordSchema, create: i.projectCreateSchema, update: i.projectUpdateSchema },
  episode: { record: p.episodeRecordSchema, create: i.episodeCreateSchema, update: i.episodeUpdateSchema },
  sequence: { record: p.sequenceRecordSchema, create: i.sequenceCreateSchema, update: i.sequenceUpdateSchema },
  shot: { record: p.shotRecordSchema, create: i.shotCreateSchema, update: i.shotUpdateSchema },
  assetType: { record: p.assetTypeRecordSchema, create: i.assetTypeCreateSchema, update: i.assetTypeUpdateSchema },
  asset: { record: p.assetRecordSchema, create: i.assetCreateSchema, update: i.assetUpdateSchema },
  task: { record: t.taskRecordSchema, create: i.taskCreateSchema, update: i.taskUpdateSchema },
  taskType: { record: t.taskTypeRecordSchema, create: i.taskTypeCreateSchema, update: i.taskTypeUpdateSchema },
  taskStatus: {
    record: t.taskStatusRecordSchema,
    create: i.taskStatusCreateSchema,
    update: i.taskStatusUpdateSchema,
  },
  comment: { record: r.commentRecordSchema, create: null, update: i.commentUpdateSchema },
  preview: { record: r.previewRecordSchema, create: null, update: i.previewUpdateSchema },
  attachment: { record: r.attachmentRecordSchema, create: null, update: null },
  person: { record: h.personRecordSchema, create: i.personCreateSchema, update: i.personUpdateSchema },
  department: { record: h.departmentRecordSchema, create: i.departmentCreateSchema, update: i.departmentUpdateSchema },
  playlist: { record: r.playlistRecordSchema, create: i.playlistCreateSchema, update: i.playlistUpdateSchema },
  timeSpent: { record: t.timeSpentRecordSchema, create: null, update: null },
  edit: { record: e.editRecordSchema, create: e.editCreateSchema, update: e.editUpdateSchema },
  concept: { record: e.conceptRecordSchema, create: e.conceptCreateSchema, update: e.conceptUpdateSchema },
  scene: { record: e.sceneRecordSchema, create: e.sceneCreateSchema, update: e.sceneUpdateSchema },
} as const;

type Kinds = typeof kinds;
/** Every kind of record of the model: `project`, `shot`, `task`, `comment`, ... */
export type Kind = keyof Kinds;
/** Every kind, in the kind table's order. */
export const kindNames = Object.keys(kinds) as Kind[];

/** The record type of a kind (`RecordOf<"shot">` is `ShotRecord`). */
export type RecordOf<K extends Kind> = z.infer<Kinds[K]["record"]>;

/** Kinds a generic `create()` accepts. */
export type CreatableKind = { [K in Kind]: Kinds[K]["create"] extends null ? never : K }[Kind];
/** Kinds a generic `update()` accepts. */
export type UpdatableKind = { [K in Kind]: Kinds[K]["update"] extends null ? never : K }[Kind];

type SchemaOf<S> = S extends z.ZodType ? S : never;
/** What `create(kind, input)` takes (defaults not applied yet). */
export type CreateInput<K extends CreatableKind> = z.input<SchemaOf<Kinds[K]["create"]>>;
/** What an adapter's `create` receives once core parsed the input (defaults applied). */
export type CreateData<K extends CreatableKind> = z.output<SchemaOf<Kinds[K]["create"]>>;
/** What an adapter's `update` receives once core parsed the patch. */
export type UpdateData<K extends UpdatableKind> = z.output<SchemaOf<Kinds[K]["update"]>>;

/** Record keys a query may filter on: the scalar fields (and `id`), never arrays or objects. */
type Scalar = string | number | boolean | Date | null;
/** Record keys a query may filter on: the scalar fields (and `id`), never arrays or objects. */
export type FilterKey<K extends Kind> = {
  [F in keyof RecordOf<K>]-?: F extends "raw" | "customData" ? never : RecordOf<K>[F] extends Scalar ? F : never;
}[keyof RecordOf<K>];

/**
 * An adapter-level query: each key equals the value, or is one of the values of an array (IN).
 * Names match exactly and case-sensitively, whatever the tracker's own filter does.
 */
export type Where<K extends Kind> = {
  [F in FilterKey<K>]?: RecordOf<K>[F] | ReadonlyArray<RecordOf<K>[F]>;
};
