import type {
  AssetRecord,
  AssetTypeRecord,
  EpisodeRecord,
  Id,
  ProjectRecord,
  SequenceRecord,
  ShotRecord,
} from "@gadget/core/adapter";
import { z } from "zod";
import {
  createdAt,
  customData,
  idList,
  idOrNull,
  kitsuRow,
  parseRow,
  textOrNull,
  toDay,
  toInt,
  toNumber,
  updatedAt,
} from "./values.js";

const nameRow = kitsuRow.extend({ name: z.string() });
const entityRow = nameRow.extend({ project_id: z.string(), entity_type_id: z.string() });

/** Shot keys Kitsu keeps in `data` that the model lifts to first-class fields. */
export const shotDataKeys = ["frame_in", "frame_out", "fps"] as const;

const productionTypes = ["short", "featurefilm", "tvshow"] as const;

export function decodeProject(value: unknown, statusName: (id: string) => string | undefined): ProjectRecord {
  const row = parseRow(nameRow, value, "project");
  const name =
    typeof row.project_status_name === "string"
      ? row.project_status_name
      : statusName(String(row.project_status_id ?? ""));
  const type = productionTypes.find((t) => t === row.production_type) ?? "short";
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data),
    raw: row,
    code: textOrNull(row.code),
    description: textOrNull(row.description),
    productionType: type,
    status: name?.toLowerCase() === "closed" ? "closed" : "open",
    fps: toNumber(row.fps),
    ratio: textOrNull(row.ratio),
    resolution: textOrNull(row.resolution),
    startDate: toDay(row.start_date),
    endDate: toDay(row.end_date),
    team: idList(row.team),
    taskTypeIds: idList(row.task_types),
    taskStatusIds: idList(row.task_statuses),
    assetTypeIds: idList(row.asset_types),
    mainPreviewAutomated: row.is_set_preview_automated === true,
  };
}

/*
 * Every decoder writes its record as one object literal, every field in a fixed order: records of a
 * kind then share one hidden class, which keeps large lists fast to build and to read.
 */

export function decodeEpisode(value: unknown): EpisodeRecord {
  const row = parseRow(entityRow, value, "episode");
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
  };
}

export function decodeSequence(value: unknown): SequenceRecord {
  const row = parseRow(entityRow, value, "sequence");
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
    episodeId: idOrNull(row.parent_id ?? row.episode_id),
  };
}

/**
 * `episodeOf` resolves a sequence's episode: a shot's episode is its sequence's parent, which
 * plain shot rows do not carry (the full shot and with-tasks rows do, as `episode_id`).
 */
export function decodeShot(value: unknown, episodeOf: (sequenceId: Id) => Id | null = () => null): ShotRecord {
  const row = parseRow(entityRow, value, "shot");
  const data = customData(row.data);
  const sequenceId = idOrNull(row.sequence_id ?? row.parent_id);
  const episodeId = "episode_id" in row ? idOrNull(row.episode_id) : sequenceId === null ? null : episodeOf(sequenceId);
  const pick = (key: (typeof shotDataKeys)[number]) => (isPresent(row[key]) ? row[key] : data[key]);
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: customData(row.data, shotDataKeys),
    raw: row,
    projectId: row.project_id as Id,
    description: textOrNull(row.description),
    canceled: row.canceled === true,
    // A shot created without a sequence (Zou allows it) has no parent; the model needs one id.
    sequenceId: (sequenceId ?? "") as Id,
    episodeId,
    frameIn: toInt(pick("frame_in")),
    frameOut: toInt(pick("frame_out")),
    nbFrames: toInt(row.nb_frames),
    fps: positiveOrNull(toNumber(pick("fps"))),
    previewId: idOrNull(row.preview_file_id),
  };
}

export function decodeAsset(value: unknown): AssetRecord {
  const row = parseRow(entityRow, value, "asset");
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
    assetTypeId: String(row.asset_type_id ?? row.entity_type_id) as Id,
    // Zou stores an asset's episode in `source_id`; the full asset calls it `episode_id` ("" when none).
    episodeId: idOrNull("episode_id" in row ? row.episode_id : row.source_id),
    previewId: idOrNull(row.preview_file_id),
  };
}

export function decodeAssetType(value: unknown): AssetTypeRecord {
  const row = parseRow(nameRow, value, "asset type");
  return {
    id: row.id as Id,
    name: row.name,
    createdAt: createdAt(row),
    updatedAt: updatedAt(row),
    customData: {},
    raw: row,
    shortName: textOrNull(row.short_name),
    description: textOrNull(row.description),
  };
}

const isPresent = (v: unknown) => v !== null && v !== undefined && v !== "";
const positiveOrNull = (n: number | null) => (n !== null && n > 0 ? n : null);
