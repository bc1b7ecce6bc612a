import type { CreatableKind, CreateData, CustomData, Id } from "@gadget/core/adapter";
import { forEntityOf, forShotsOf, ValidationError } from "@gadget/core/adapter";
import type { Stored, Studio } from "../studio/studio.js";
import { findDefaultStatusId } from "./task-data.js";

/** Fields every new row starts with, set by `createRow`; builders make the rest. */
interface NewBase {
  id: Id;
  createdAt: Date;
  updatedAt: Date;
  customData: CustomData;
}

type Fields<K extends CreatableKind> = Omit<Stored<K>, keyof NewBase>;

type Builders = { [K in CreatableKind]: (studio: Studio, data: CreateData<K>) => Fields<K> };

/** nbFrames follows the frame range when both ends are set and nbFrames was not given. */
export function framesOf(frameIn: number | null, frameOut: number | null, nbFrames: number | null | undefined) {
  if (nbFrames !== undefined) return nbFrames;
  return frameIn !== null && frameOut !== null ? frameOut - frameIn + 1 : null;
}

/**
 * Turns a create input (already parsed by zod, its references checked against the rules) into a
 * stored row with Kitsu's defaults. Uniqueness is checked by the caller, on the finished row.
 */
export const builders: Builders = {
  project: (_s, d) => ({
    name: d.name,
    code: d.code ?? null,
    description: d.description ?? null,
    productionType: d.productionType,
    status: "open",
    // Zou's defaults for a project created without them (recorded 047).
    fps: d.fps ?? 25,
    ratio: d.ratio ?? "16:9",
    resolution: d.resolution ?? "1920x1080",
    startDate: d.startDate ?? null,
    endDate: d.endDate ?? null,
    team: [],
    taskTypeIds: [],
    taskStatusIds: [],
    assetTypeIds: [],
    mainPreviewAutomated: d.mainPreviewAutomated ?? false,
  }),
  episode: (_s, d) => ({
    name: d.name,
    projectId: d.projectId,
    description: d.description ?? null,
    canceled: false,
  }),
  sequence: (_s, d) => {
    const episodeId = d.episodeId ?? null;
    const description = d.description ?? null;
    return {
      name: d.name,
      projectId: d.projectId,
      episodeId,
      description,
      canceled: false,
    };
  },
  shot: (s, d) => {
    const sequence = s.require("sequence", d.sequenceId);
    const frameIn = d.frameIn ?? null;
    const frameOut = d.frameOut ?? null;
    return {
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
  assetType: (_s, d) => ({
    name: d.name,
    shortName: d.shortName ?? null,
    description: d.description ?? null,
  }),
  asset: (_s, d) => {
    const episodeId = d.episodeId ?? null;
    return {
      name: d.name,
      projectId: d.projectId,
      assetTypeId: d.assetTypeId,
      episodeId,
      description: d.description ?? null,
      canceled: false,
      previewId: null,
    };
  },
  task: (s, d) => {
    const { kind, row: entity } = s.requireEntity(d.entityId);
    const statusId = d.statusId ?? defaultStatusId(s);
    const assigneeIds = [...new Set(d.assigneeIds ?? [])];
    return {
      name: d.name ?? s.rules.task.createDefaults.name ?? "",
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
  taskType: (_s, d) => ({
    name: d.name,
    shortName: d.shortName ?? null,
    color: d.color ?? "#FFFFFF",
    priority: d.priority ?? 1,
    forShots: forShotsOf(forEntityOrShot(d)),
    forEntity: forEntityOrShot(d),
    departmentId: d.departmentId ?? null,
    allowTimelog: d.allowTimelog ?? true,
  }),
  taskStatus: (_s, d) => ({
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
  }),
  person: (_s, d) => {
    const departmentIds = [...new Set(d.departmentIds ?? [])];
    return {
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
  department: (_s, d) => ({
    name: d.name,
    color: d.color ?? "#FFFFFF",
  }),
  edit: (_s, d) => ({
    name: d.name,
    projectId: d.projectId,
    episodeId: d.episodeId ?? null,
    description: d.description ?? null,
    canceled: false,
    previewId: null,
  }),
  concept: (_s, d) => ({
    name: d.name,
    projectId: d.projectId,
    description: d.description ?? null,
    canceled: false,
    previewId: null,
  }),
  scene: (_s, d) => ({
    name: d.name,
    projectId: d.projectId,
    sequenceId: d.sequenceId,
    description: null,
    canceled: false,
    previewId: null,
  }),
  playlist: (_s, d) => ({
    name: d.name,
    projectId: d.projectId,
    episodeId: d.episodeId ?? null,
    taskTypeId: d.taskTypeId ?? null,
    forClient: d.forClient ?? false,
    forEntity: d.forEntity ?? "shot",
    entries: [],
  }),
};

/** The create schema refuses an input naming no kind; "shot" only keeps the type total. */
const forEntityOrShot = (d: CreateData<"taskType">) => forEntityOf(d) ?? "shot";

export const fullName = (first: string, last: string): string => `${first} ${last}`.trim();

/** The status a new task gets when none is given. */
export function defaultStatusId(studio: Studio): Id {
  const id = findDefaultStatusId(studio);
  if (!id) {
    throw ValidationError.rule(
      "A task needs a status and the studio has no task status yet. Create a task status (isDefault: true) first",
    );
  }
  return id;
}
