import type {
  AssetRecord,
  AssetTypeRecord,
  ConceptRecord,
  EditRecord,
  EpisodeRecord,
  ProjectRecord,
  SceneRecord,
  SequenceRecord,
  ShotRecord,
} from "@gadget/core/adapter";
import type { KitsuState, TemporalType } from "../state.js";
import { dataOrNull, naive } from "./common.js";

/* Project and entity rows as Zou serializes them (recorded 047, 078, 095, 101, 103, 111). */

const projectDefaults = {
  shotgun_id: null,
  file_tree: null,
  has_avatar: false,
  production_style: "2d3d",
  man_days: null,
  nb_episodes: 0,
  episode_span: 0,
  max_retakes: 0,
  is_clients_isolated: false,
  is_preview_download_allowed: false,
  homepage: "assets",
  is_publish_default_for_artists: false,
  is_bot_collaboration_enabled: false,
  is_single_preview_per_revision: false,
  is_frame_in_numbering: false,
  revision_padding: 0,
  hd_bitrate_compression: 28,
  ld_bitrate_compression: 6,
  default_preview_background_file_id: null,
  from_schedule_version_id: null,
};

export const projectExtraKeys = Object.keys(projectDefaults);

export function project(p: ProjectRecord, state: KitsuState, relations: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {
    name: p.name,
    code: p.code,
    description: p.description,
    data: dataOrNull(p.customData),
    fps: p.fps === null ? null : String(p.fps),
    ratio: p.ratio,
    resolution: p.resolution,
    production_type: p.productionType,
    start_date: p.startDate,
    end_date: p.endDate,
    ...projectDefaults,
    ...state.extra(p.id),
    is_set_preview_automated: p.mainPreviewAutomated,
    project_status_id: p.status === "open" ? state.projectStatus.open : state.projectStatus.closed,
  };
  if (relations) {
    Object.assign(row, {
      team: p.team,
      asset_types: p.assetTypeIds,
      task_statuses: p.taskStatusIds,
      task_types: p.taskTypeIds,
      status_automations: [],
      preview_background_files: [],
    });
  }
  return { ...row, id: p.id, created_at: naive(p.createdAt), updated_at: naive(p.updatedAt), type: "Project" };
}

export function projectStatuses(state: KitsuState): Record<string, unknown>[] {
  const at = naive(state.startedAt);
  return [
    { name: "Open", color: "#000000", id: state.projectStatus.open, created_at: at, updated_at: at },
    { name: "Closed", color: "#000000", id: state.projectStatus.closed, created_at: at, updated_at: at },
  ].map((s) => ({ ...s, type: "ProjectStatus" }));
}

export type EntityRecord =
  | EpisodeRecord
  | SequenceRecord
  | ShotRecord
  | AssetRecord
  | EditRecord
  | ConceptRecord
  | SceneRecord;

interface EntityShape {
  type: "Episode" | "Sequence" | "Shot" | "Asset" | "Edit" | "Concept" | "Scene" | "Entity";
  entityTypeId: string;
  parentId: string | null;
  sourceId: string | null;
  nbFrames: number | null;
  previewId: string | null;
  data: Record<string, unknown>;
}

/** Shot frame range and fps live in Kitsu's `data` (zou.md §8.4). */
export function shotData(s: ShotRecord): Record<string, unknown> {
  const data: Record<string, unknown> = { ...s.customData };
  if (s.frameIn !== null) data.frame_in = s.frameIn;
  if (s.frameOut !== null) data.frame_out = s.frameOut;
  if (s.fps !== null) data.fps = s.fps;
  return data;
}

function shapeOf(kind: EntityKindName, r: EntityRecord, state: KitsuState): EntityShape {
  const base = { sourceId: null, nbFrames: null, previewId: null, data: r.customData };
  if (kind === "asset") {
    const a = r as AssetRecord;
    return {
      ...base,
      type: "Asset",
      entityTypeId: a.assetTypeId,
      parentId: null,
      sourceId: a.episodeId,
      previewId: a.previewId,
    };
  }
  if (kind === "shot") {
    const s = r as ShotRecord;
    const type: TemporalType = "Shot";
    return {
      type,
      entityTypeId: state.entityTypeIds.Shot,
      parentId: s.sequenceId,
      sourceId: null,
      nbFrames: s.nbFrames,
      previewId: s.previewId,
      data: shotData(s),
    };
  }
  if (kind === "sequence") {
    const q = r as SequenceRecord;
    return { ...base, type: "Sequence", entityTypeId: state.entityTypeIds.Sequence, parentId: q.episodeId };
  }
  if (kind === "edit") {
    const e = r as EditRecord;
    return {
      ...base,
      type: "Edit",
      entityTypeId: state.entityTypeIds.Edit,
      parentId: e.episodeId,
      previewId: e.previewId,
    };
  }
  if (kind === "concept") {
    const c = r as ConceptRecord;
    return {
      ...base,
      type: "Concept",
      entityTypeId: state.entityTypeIds.Concept,
      parentId: null,
      previewId: c.previewId,
    };
  }
  if (kind === "scene") {
    const c = r as SceneRecord;
    return {
      ...base,
      type: "Scene",
      entityTypeId: state.entityTypeIds.Scene,
      parentId: c.sequenceId,
      previewId: c.previewId,
    };
  }
  return { ...base, type: "Episode", entityTypeId: state.entityTypeIds.Episode, parentId: null };
}

export type EntityKindName = "episode" | "sequence" | "shot" | "asset" | "edit" | "concept" | "scene";

/** The `entity` table row, typed by kind (`type` is "Entity" where Zou answers so, e.g. set-main-preview). */
export function entity(
  kind: EntityKindName,
  r: EntityRecord,
  state: KitsuState,
  options: { relations?: boolean; genericType?: boolean } = {},
): Record<string, unknown> {
  const shape = shapeOf(kind, r, state);
  const extra = state.extra(r.id);
  const row: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    code: null,
    description: r.description,
    shotgun_id: null,
    canceled: r.canceled,
    nb_frames: shape.nbFrames,
    nb_entities_out: 0,
    is_casting_standby: false,
    is_shared: false,
    status: "running",
    project_id: r.projectId,
    entity_type_id: shape.entityTypeId,
    parent_id: shape.parentId,
    source_id: shape.sourceId,
    preview_file_id: state.publicPreviewIdOrNull(shape.previewId),
    data: shape.data,
    ready_for: null,
    created_by: null,
    ...extra,
    created_at: naive(r.createdAt),
    updated_at: naive(r.updatedAt),
    type: options.genericType ? "Entity" : shape.type,
  };
  if (options.relations) {
    Object.assign(row, { entities_out: [], entity_concept_links: [], instance_casting: [], entities_in: [] });
  }
  return row;
}

/** Kitsu asset types are entity types; `type` depends on the route (EntityType on crud, AssetType on /asset-types). */
export function assetType(
  t: AssetTypeRecord,
  type: "EntityType" | "AssetType",
  relations: boolean,
): Record<string, unknown> {
  const row: Record<string, unknown> = { name: t.name, short_name: t.shortName, description: t.description };
  if (relations) row.task_types = [];
  return {
    ...row,
    archived: false,
    id: t.id,
    created_at: naive(t.createdAt),
    updated_at: naive(t.updatedAt),
    type,
  };
}

export function temporalEntityTypes(state: KitsuState): Record<string, unknown>[] {
  const at = naive(state.startedAt);
  return Object.entries(state.entityTypeIds).map(([name, id]) => ({
    name,
    short_name: null,
    description: null,
    archived: false,
    id,
    created_at: at,
    updated_at: at,
    type: "EntityType",
  }));
}
