import type { Id, Kind, ProjectRecord, RecordOf } from "@gadget/core/adapter";
import { decodeConcept, decodeEdit, decodeScene } from "../codec/edit-concept-scene.js";
import { decodeDepartment, decodePerson } from "../codec/people.js";
import {
  decodeAsset,
  decodeAssetType,
  decodeEpisode,
  decodeProject,
  decodeSequence,
  decodeShot,
} from "../codec/production.js";
import { decodeAttachment, decodeComment, decodePlaylist, decodePreview } from "../codec/reviews.js";
import { decodeTask, decodeTaskStatuses, decodeTaskTypes, decodeTimeSpent, entityKindOf } from "../codec/tasks.js";
import { idOrNull, type KitsuRow } from "../codec/values.js";
import { type CrudModel, type Route, routes } from "../routes.js";
import { type ReferenceCache, temporalTypeNames } from "./reference.js";

/** How one core kind lives in Zou: its crud model, filterable columns, and how rows become records. */
export interface KindSpec<K extends Kind> {
  model: CrudModel;
  /** Typed list and lookup routes, where Zou has them (entities: shots, assets...); crud otherwise. */
  typed?: { list: Route; get: Route };
  /** Core filter key → Zou column (sent as a server filter; the exact match is still checked client-side). */
  columns: Partial<Record<string, string>>;
  /** Decodes rows, leaving out rows of another kind. */
  decode(rows: KitsuRow[], ref: ReferenceCache): Promise<RecordOf<K>[]>;
  /**
   * Starts reading the reference data `decode` needs for a list of rows, so that it comes
   * alongside the list request rather than after it.
   */
  prepare?(ref: ReferenceCache): void;
}

/** Decodes project rows and remembers what they teach (production type, enabled statuses). */
export function decodeProjects(
  rows: readonly KitsuRow[],
  statusName: (id: string) => string | undefined,
  ref: ReferenceCache,
): ProjectRecord[] {
  const records = rows.map((r) => decodeProject(r, statusName));
  for (const record of records) ref.rememberProject(record);
  return records;
}

/** Catches what a preparation fails with: the decode that needs the data reads it again and reports. */
const started = (load: Promise<unknown>): void => void load.catch(() => {});

/** The rows of one temporal entity type ("Edit", "Concept", "Scene"): a typed route of Zou may answer others. */
async function ofEntityType(rows: KitsuRow[], ref: ReferenceCache, typeName: string): Promise<KitsuRow[]> {
  const typeId = (await ref.entityTypeTable()).temporalTypeIds.get(typeName);
  return typeId === undefined ? rows : rows.filter((r) => String(r.entity_type_id) === typeId);
}

const entityColumns = { id: "id", name: "name", projectId: "project_id", canceled: "canceled" };

export const kindSpecs: { [K in Kind]: KindSpec<K> } = {
  project: {
    model: "projects",
    columns: { id: "id", name: "name", code: "code", productionType: "production_type" },
    async decode(rows, ref) {
      const needsTable = rows.some((r) => typeof r.project_status_name !== "string");
      const names = needsTable ? await ref.projectStatusNames() : new Map<string, string>();
      return decodeProjects(rows, (id) => names.get(id), ref);
    },
    // Crud list rows name their status by id only.
    prepare: (ref) => started(ref.projectStatusNames()),
  },
  episode: {
    model: "entities",
    columns: { ...entityColumns, description: "description" },
    typed: { list: routes.listEpisodes, get: routes.getEpisode },
    decode: async (rows) => rows.map(decodeEpisode),
  },
  sequence: {
    model: "entities",
    columns: { ...entityColumns, episodeId: "parent_id" },
    typed: { list: routes.listSequences, get: routes.getSequence },
    async decode(rows, ref) {
      for (const r of rows) ref.rememberSequence(r.id as Id, idOrNull(r.parent_id));
      return rows.map(decodeSequence);
    },
  },
  shot: {
    model: "entities",
    columns: { ...entityColumns, sequenceId: "parent_id", nbFrames: "nb_frames", previewId: "preview_file_id" },
    typed: { list: routes.listShots, get: routes.getShot },
    async decode(rows, ref) {
      // Only tvshow projects have episodes (zou.md, Project): a known other project needs no lookup.
      const flat = (r: KitsuRow) => {
        const project = ref.knownProject(String(r.project_id) as Id);
        return project !== undefined && project.productionType !== "tvshow";
      };
      const unresolved = rows.filter((r) => !("episode_id" in r) && typeof r.parent_id === "string" && !flat(r));
      await ref.learnSequences(unresolved.map((r) => r.parent_id as Id));
      return rows.map((r) => decodeShot(r, (seq) => ref.episodeOfSequence(seq)));
    },
  },
  asset: {
    model: "entities",
    columns: { ...entityColumns, assetTypeId: "entity_type_id", episodeId: "source_id", previewId: "preview_file_id" },
    typed: { list: routes.listAssets, get: routes.getAsset },
    async decode(rows, ref) {
      const assetTypes = (await ref.entityTypeTable()).assetTypeIds;
      return rows.filter((r) => assetTypes.has(String(r.entity_type_id) as Id)).map(decodeAsset);
    },
    prepare: (ref) => started(ref.entityTypeTable()),
  },
  assetType: {
    model: "entity-types",
    columns: { id: "id", name: "name", shortName: "short_name" },
    decode: async (rows) => rows.filter((r) => !temporalTypeNames.has(String(r.name))).map(decodeAssetType),
  },
  task: {
    model: "tasks",
    columns: {
      id: "id",
      name: "name",
      projectId: "project_id",
      entityId: "entity_id",
      taskTypeId: "task_type_id",
      statusId: "task_status_id",
      priority: "priority",
      difficulty: "difficulty",
    },
    async decode(rows, ref) {
      // One look at the task types for the page (an await per row weighed on large lists); a type
      // newer than the cache reloads it once.
      let types = await ref.taskTypeMap();
      const unknown = rows.find((r) => !types.has(String(r.task_type_id) as Id));
      if (unknown) {
        await ref.forEntity(String(unknown.task_type_id) as Id);
        types = await ref.taskTypeMap();
      }
      const out = rows.map((r) => decodeTask(r, entityKindOf(types.get(String(r.task_type_id) as Id))));
      for (const task of out) ref.rememberTask(task.id, task.projectId);
      return out;
    },
    prepare: (ref) => started(ref.taskTypeMap()),
  },
  taskType: {
    model: "task-types",
    columns: { id: "id", name: "name", shortName: "short_name", departmentId: "department_id" },
    decode: async (rows) => decodeTaskTypes(rows),
  },
  taskStatus: {
    model: "task-status",
    columns: {
      id: "id",
      name: "name",
      shortName: "short_name",
      isDefault: "is_default",
      isDone: "is_done",
      isRetake: "is_retake",
      isWip: "is_wip",
      isFeedbackRequest: "is_feedback_request",
    },
    decode: async (rows) => decodeTaskStatuses(rows),
  },
  comment: {
    model: "comments",
    columns: { id: "id", taskId: "object_id", statusId: "task_status_id", authorId: "person_id" },
    decode: async (rows) => rows.map(decodeComment),
  },
  preview: {
    model: "preview-files",
    columns: { id: "id", taskId: "task_id", revision: "revision", position: "position", personId: "person_id" },
    decode: async (rows) => rows.map(decodePreview),
  },
  attachment: {
    model: "attachment-files",
    columns: { id: "id", name: "name", commentId: "comment_id" },
    decode: async (rows) => rows.map(decodeAttachment),
  },
  person: {
    model: "persons",
    columns: {
      id: "id",
      email: "email",
      desktopLogin: "desktop_login",
      role: "role",
      active: "active",
      isBot: "is_bot",
      firstName: "first_name",
      lastName: "last_name",
    },
    decode: async (rows) => rows.map(decodePerson),
  },
  department: {
    model: "departments",
    columns: { id: "id", name: "name" },
    decode: async (rows) => rows.map(decodeDepartment),
  },
  playlist: {
    model: "playlists",
    columns: {
      id: "id",
      name: "name",
      projectId: "project_id",
      episodeId: "episode_id",
      taskTypeId: "task_type_id",
      forClient: "for_client",
    },
    decode: async (rows) => rows.map(decodePlaylist),
  },
  timeSpent: {
    model: "time-spents",
    columns: { id: "id", taskId: "task_id", personId: "person_id", date: "date" },
    decode: async (rows) => rows.map(decodeTimeSpent),
  },
  edit: {
    model: "entities",
    columns: { ...entityColumns, episodeId: "parent_id", previewId: "preview_file_id" },
    typed: { list: routes.listEdits, get: routes.getEdit },
    decode: async (rows, ref) => (await ofEntityType(rows, ref, "Edit")).map(decodeEdit),
    prepare: (ref) => started(ref.entityTypeTable()),
  },
  concept: {
    model: "entities",
    columns: { ...entityColumns, previewId: "preview_file_id" },
    typed: { list: routes.listConcepts, get: routes.getConcept },
    decode: async (rows, ref) => (await ofEntityType(rows, ref, "Concept")).map(decodeConcept),
    prepare: (ref) => started(ref.entityTypeTable()),
  },
  scene: {
    model: "entities",
    columns: { ...entityColumns, sequenceId: "parent_id", previewId: "preview_file_id" },
    typed: { list: routes.listScenes, get: routes.getScene },
    decode: async (rows, ref) => (await ofEntityType(rows, ref, "Scene")).map(decodeScene),
    prepare: (ref) => started(ref.entityTypeTable()),
  },
};
