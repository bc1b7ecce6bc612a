import type { CreatableKind, CreateData, CustomData, Id } from "@gadget/core";
import { ConflictError, ValidationError } from "@gadget/core";
import type { Stored, Studio } from "../studio/studio.js";
import { assertUniqueEmail, assertUniqueShortName } from "./names.js";

/** Fields every new row starts with. */
export interface NewBase {
  id: Id;
  createdAt: Date;
  updatedAt: Date;
  customData: CustomData;
}

/*
 * Rows spell the base fields out instead of spreading `base`: V8 turns `{ ...base, more }` into a
 * slow dictionary object, ten times slower to build when seeding 50k tasks.
 */
type Builders = { [K in CreatableKind]: (studio: Studio, data: CreateData<K>, base: NewBase) => Stored<K> };

/** nbFrames follows the frame range when both ends are set and nbFrames was not given. */
export function framesOf(frameIn: number | null, frameOut: number | null, nbFrames: number | null | undefined) {
  if (nbFrames !== undefined) return nbFrames;
  return frameIn !== null && frameOut !== null ? frameOut - frameIn + 1 : null;
}

function requireSameProject(what: string, projectId: Id, expected: Id): void {
  if (projectId !== expected) {
    throw ValidationError.rule(`The ${what} belongs to another project than the one given (${expected})`);
  }
}

/**
 * Turns a create input (already parsed by zod) into a stored row, with Kitsu's defaults and
 * rules on references. Name uniqueness is checked by the caller, on the finished row.
 */
export const builders: Builders = {
  project: (_s, d, base) => ({
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    customData: base.customData,
    name: d.name,
    code: d.code ?? null,
    description: d.description ?? null,
    productionType: d.productionType,
    status: "open",
    fps: d.fps ?? null,
    ratio: d.ratio ?? null,
    resolution: d.resolution ?? null,
    startDate: d.startDate ?? null,
    endDate: d.endDate ?? null,
    team: [],
    taskTypeIds: [],
    taskStatusIds: [],
    assetTypeIds: [],
  }),
  episode: (s, d, base) => {
    s.require("project", d.projectId);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      projectId: d.projectId,
      description: d.description ?? null,
      canceled: false,
    };
  },
  sequence: (s, d, base) => {
    s.require("project", d.projectId);
    const episodeId = d.episodeId ?? null;
    if (episodeId) requireSameProject("episode", s.require("episode", episodeId).projectId, d.projectId);
    const description = d.description ?? null;
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      projectId: d.projectId,
      episodeId,
      description,
      canceled: false,
    };
  },
  shot: (s, d, base) => {
    s.require("project", d.projectId);
    const sequence = s.require("sequence", d.sequenceId);
    requireSameProject("sequence", sequence.projectId, d.projectId);
    const frameIn = d.frameIn ?? null;
    const frameOut = d.frameOut ?? null;
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      projectId: d.projectId,
      sequenceId: d.sequenceId,
      episodeId: sequence.episodeId,
      description: d.description ?? null,
      canceled: false,
      frameIn,
      frameOut,
      nbFrames: framesOf(frameIn, frameOut, d.nbFrames),
      fps: d.fps ?? null,
      previewId: null,
    };
  },
  assetType: (_s, d, base) => ({
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    customData: base.customData,
    name: d.name,
    shortName: d.shortName ?? null,
    description: d.description ?? null,
  }),
  asset: (s, d, base) => {
    s.require("project", d.projectId);
    s.require("assetType", d.assetTypeId);
    const episodeId = d.episodeId ?? null;
    if (episodeId) requireSameProject("episode", s.require("episode", episodeId).projectId, d.projectId);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      projectId: d.projectId,
      assetTypeId: d.assetTypeId,
      episodeId,
      description: d.description ?? null,
      canceled: false,
      previewId: null,
    };
  },
  task: (s, d, base) => {
    const { kind, row: entity } = s.requireEntity(d.entityId);
    const taskType = s.require("taskType", d.taskTypeId);
    if (taskType.forShots === (kind === "asset")) {
      throw ValidationError.rule(
        `Task type of the task does not match entity type: "${taskType.name}" is for ${taskType.forShots ? "shots" : "assets"}, the entity is a ${kind}`,
      );
    }
    for (const id of s.table("task").lookup("entityId", d.entityId)) {
      if (s.table("task").get(id)?.taskTypeId === d.taskTypeId) {
        throw ConflictError.duplicate(`A "${taskType.name}" task on ${kind} "${entity.name}"`);
      }
    }
    const statusId = d.statusId ?? defaultStatusId(s);
    s.require("taskStatus", statusId);
    const assigneeIds = [...new Set(d.assigneeIds ?? [])];
    for (const id of assigneeIds) s.require("person", id);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name ?? "main",
      projectId: entity.projectId,
      entityId: d.entityId,
      entityKind: kind,
      taskTypeId: d.taskTypeId,
      statusId,
      assigneeIds,
      description: d.description ?? null,
      priority: d.priority ?? 0,
      difficulty: d.difficulty ?? 3,
      startDate: d.startDate ?? null,
      dueDate: d.dueDate ?? null,
      estimation: d.estimation ?? 0,
      duration: 0,
      nbRetakes: 0,
      lastCommentAt: null,
      lastPreviewId: null,
    };
  },
  taskType: (s, d, base) => {
    if (d.departmentId) s.require("department", d.departmentId);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      shortName: d.shortName ?? null,
      color: d.color ?? "#FFFFFF",
      priority: d.priority ?? 1,
      forShots: d.forShots,
      departmentId: d.departmentId ?? null,
      allowTimelog: d.allowTimelog ?? true,
    };
  },
  taskStatus: (s, d, base) => {
    assertUniqueShortName(s, d.shortName);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      shortName: d.shortName,
      color: d.color ?? "#f5f5f5",
      priority: d.priority ?? 1,
      isDefault: d.isDefault ?? false,
      isDone: d.isDone ?? false,
      isRetake: d.isRetake ?? false,
      isWip: d.isWip ?? false,
      isFeedbackRequest: d.isFeedbackRequest ?? false,
      isArtistAllowed: d.isArtistAllowed ?? true,
      isClientAllowed: d.isClientAllowed ?? true,
    };
  },
  person: (s, d, base) => {
    assertUniqueEmail(s, d.email);
    const departmentIds = [...new Set(d.departmentIds ?? [])];
    for (const id of departmentIds) s.require("department", id);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: fullName(d.firstName, d.lastName),
      firstName: d.firstName,
      lastName: d.lastName,
      email: d.email ?? null,
      desktopLogin: d.desktopLogin ?? null,
      role: d.role ?? "user",
      active: d.active ?? true,
      isBot: false,
      departmentIds,
    };
  },
  department: (_s, d, base) => ({
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    customData: base.customData,
    name: d.name,
    color: d.color ?? "#FFFFFF",
  }),
  playlist: (s, d, base) => {
    s.require("project", d.projectId);
    if (d.episodeId) s.require("episode", d.episodeId);
    if (d.taskTypeId) s.require("taskType", d.taskTypeId);
    return {
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      customData: base.customData,
      name: d.name,
      projectId: d.projectId,
      episodeId: d.episodeId ?? null,
      taskTypeId: d.taskTypeId ?? null,
      forClient: d.forClient ?? false,
      forEntity: d.forEntity ?? "shot",
      entries: [],
    };
  },
};

export const fullName = (first: string, last: string): string => `${first} ${last}`.trim();

/** The status a new task gets: the one flagged default, else the first created. */
export function defaultStatusId(studio: Studio): Id {
  let first: Id | undefined;
  for (const status of studio.table("taskStatus").values()) {
    if (status.isDefault) return status.id;
    first ??= status.id;
  }
  if (!first) {
    throw ValidationError.rule(
      "A task needs a status and the studio has no task status yet. Create a task status (isDefault: true) first",
    );
  }
  return first;
}
